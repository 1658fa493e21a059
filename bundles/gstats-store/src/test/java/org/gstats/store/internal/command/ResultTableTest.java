package org.gstats.store.internal.command;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

import org.junit.Test;

/** What gstats sql prints for the values a real H2 gives: never a driver object's name. */
public class ResultTableTest {

    private static final String QUERY = "SELECT X'00ff1a' AS b, CAST('a long text' AS CHARACTER LARGE OBJECT) AS c, "
            + "CAST(X'0a' AS BINARY LARGE OBJECT) AS l, ARRAY[1, NULL, 3] AS a, 7 AS n";

    @Test
    public void binaryIsHexAsPostgresqlPrintsItLargeTextIsTextArraysAreTheirElements() throws Exception {
        assertEquals("b         c            l     a             n\n"
                + "\\x00ff1a  a long text  \\x0a  [1, null, 3]  7\n", print("text"));
        assertEquals("b,c,l,a,n\r\n\\x00ff1a,a long text,\\x0a,\"[1, null, 3]\",7\r\n", print("csv"));
        assertEquals("[\n  {\n    \"b\": \"\\\\x00ff1a\",\n    \"c\": \"a long text\",\n    \"l\": \"\\\\x0a\",\n"
                + "    \"a\": \"[1, null, 3]\",\n    \"n\": 7\n  }\n]\n", print("json"));
        assertEquals("| b | c | l | a | n |\n|---|---|---|---|---|\n| \\x00ff1a | a long text | \\x0a | [1, null, 3] | 7 |\n",
                print("markdown"));
    }

    private static String print(String format) throws Exception {
        try (Connection connection = new org.h2.Driver().connect("jdbc:h2:mem:", new Properties());
                Statement statement = connection.createStatement();
                ResultSet results = statement.executeQuery(QUERY)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ResultTable.of(results).print(format, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        }
    }
}
