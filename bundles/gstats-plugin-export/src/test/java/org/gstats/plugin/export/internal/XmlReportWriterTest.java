package org.gstats.plugin.export.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.gstats.api.report.Report;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.WriterOptions;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The XML report, validated against the bundle's schema and read back by the JDK's DOM parser,
 * against the JSON report.
 */
public class XmlReportWriterTest {

    /** The header's elements that the schema types as numbers. */
    private static final java.util.Set<String> NUMERIC_HEADER = java.util.Set.of("duration_ms", "peak_heap_bytes",
            "pressure_changes", "blocked_ms");

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9A-F]{4})");

    private static Report report;
    private static Schema schema;

    private final XmlReportWriter writer = new XmlReportWriter();

    @BeforeClass
    public static void scanTheTrickyRepositoryAndLoadTheSchema() throws Exception {
        report = TrickyReport.build(TEMP.getRoot().toPath());
        URL xsd = XmlReportWriter.class.getResource(XmlReportWriter.SCHEMA);
        assertNotNull("the schema ships in the bundle at " + XmlReportWriter.SCHEMA, xsd);
        schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
    }

    @Test
    public void compactXmlIsValidAndReadsBackAsTheJsonData() throws Exception {
        String xml = xml(WriterOptions.DEFAULT);

        validate(xml);
        assertEquals(ReportData.text(ReportData.data(report)), ReportData.text(read(xml)));
    }

    @Test
    public void prettyXmlIsValidAndReadsBackAsTheJsonData() throws Exception {
        String xml = xml(new WriterOptions(true, null));

        validate(xml);
        assertEquals(ReportData.text(ReportData.data(report)), ReportData.text(read(xml)));
        assertTrue(xml, xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report xmlns=\""
                + XmlReportWriter.NAMESPACE + "\">\n  <gstats>\n    <version>0.1.0-TEST</version>\n"));
        assertTrue(xml, xml.contains("\n      <table>\n        <name>by_month</name>\n"
                + "        <columns><column>month</column><column>commits</column></columns>\n"
                + "        <row><string>2024-01</string><integer>3</integer></row>\n"));
    }

    @Test
    public void compactXmlHasNoIndentation() throws IOException {
        String xml = xml(WriterOptions.DEFAULT);

        assertTrue(xml, xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report xmlns=\""
                + XmlReportWriter.NAMESPACE + "\"><gstats><version>0.1.0-TEST</version><repository>"));
        assertFalse(xml, xml.contains(">\n "));
    }

    @Test
    public void textXmlCannotCarryIsEscapedAndMarked() throws IOException {
        String xml = xml(WriterOptions.DEFAULT);

        assertTrue(xml, xml.contains("<string escaped=\"true\">control \\u0001\\u0002\\u001F end</string>"));
        assertTrue(xml, xml.contains("<string escaped=\"true\">non-char \\uFFFE\\uFFFF</string>"));
        assertTrue(xml, xml.contains("<message escaped=\"true\">failed on two\nlines \\u0001 &lt;b&gt;</message>"));
        assertTrue(xml, xml.contains("<string escaped=\"true\">both \\u005C and \\u0001</string>"));
        // a backslash is escaped only in escaped text, so that other text reads as it is
        assertTrue(xml, xml.contains("<string>back\\slash</string>"));
        assertTrue(xml, xml.contains("<string>cr&#13;lf&#13;\n</string>"));
        assertTrue(xml, xml.contains("<field><name>key\twith\ttabs\nand a line break</name><string>value</string>"));
        assertTrue(xml, xml.contains("<field><name>key with spaces, \"quotes\" &amp; &lt;tags&gt;</name>"));
        assertFalse(xml, xml.contains("\u0001"));
    }

    @Test
    public void pathsFromTheRepositoryAreValidUtf8() throws IOException {
        String xml = xml(WriterOptions.DEFAULT);

        assertTrue(xml, xml.contains("<string>café latin-1.txt</string>"));
        assertTrue(xml, xml.contains("<string escaped=\"true\">bell\\u0007 and cr&#13;.txt</string>"));
        assertTrue(xml, xml.contains("<string>two\nlines.txt</string>"));
    }

    @Test
    public void schemaRefusesWhatTheWriterNeverWrites() {
        String valid = "<report xmlns='" + XmlReportWriter.NAMESPACE + "'><gstats><duration_ms>1</duration_ms></gstats>"
                + "<sections>%s</sections><errors/></report>";
        assertThrows(SAXException.class, () -> validate(String.format(valid, "<section><name>s</name><fields>"
                + "<name>f</name><field><name>x</name><integer>12.5</integer></field></fields></section>")));
        assertThrows(SAXException.class, () -> validate(String.format(valid,
                "<section><name>s</name><table><name>t</name><row><string>a</string></row></table></section>")));
        assertThrows(SAXException.class, () -> validate(String.format(valid, "<section><name>s</name><fields>"
                + "<name>f</name><field><name>x</name><date>2024</date></field></fields></section>")));
        assertThrows(SAXException.class, () -> validate(String.format(valid, "<section/>")));
        assertThrows(SAXException.class, () -> validate(String.format(valid, "<section><name escaped='maybe'>s"
                + "</name></section>")));
        assertThrows(SAXException.class, () -> validate(String.format(valid, "").replace("<gstats><duration_ms>1"
                + "</duration_ms></gstats>", "<gstats/>")));
    }

    @Test
    public void schemaAcceptsTheSmallestReport() throws Exception {
        validate("<report xmlns='" + XmlReportWriter.NAMESPACE + "'><gstats><duration_ms>1</duration_ms></gstats>"
                + "<sections><section><name>s</name><table><name>t</name><columns/></table></section></sections>"
                + "<errors/></report>");
    }

    @Test
    public void takesPrettyOnly() {
        assertEquals(Set.of(ReportWriter.Option.PRETTY), writer.options());
        assertEquals("xml", writer.format());
    }

    private String xml(WriterOptions options) throws IOException {
        return ReportData.strictUtf8(ReportData.write(writer, report, options));
    }

    private static void validate(String xml) throws SAXException, IOException {
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        validator.validate(new StreamSource(new StringReader(xml)));
    }

    /** The XML document as the JSON report's data, following the schema's rules. */
    private static JsonObject read(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = document.getDocumentElement();
        assertEquals(XmlReportWriter.NAMESPACE, root.getNamespaceURI());
        assertEquals("report", root.getLocalName());
        List<Element> parts = children(root);

        JsonObject data = new JsonObject();
        JsonObject header = new JsonObject();
        for (String name : List.of("version", "repository", "branch", "head", "started")) {
            header.add(name, JsonNull.INSTANCE);
        }
        for (Element field : children(parts.get(0))) {
            header.add(field.getLocalName(), NUMERIC_HEADER.contains(field.getLocalName())
                    ? new JsonPrimitive(new BigInteger(field.getTextContent()))
                    : new JsonPrimitive(text(field)));
        }
        data.add("gstats", header);

        JsonObject sections = new JsonObject();
        for (Element section : children(parts.get(1))) {
            List<Element> items = children(section);
            JsonObject object = new JsonObject();
            for (Element item : items.subList(1, items.size())) {
                object.add(text(children(item).get(0)), item.getLocalName().equals("fields") ? fields(item)
                        : table(item));
            }
            sections.add(text(items.get(0)), object);
        }
        data.add("sections", sections);

        JsonArray errors = new JsonArray();
        for (Element error : children(parts.get(2))) {
            JsonObject entry = new JsonObject();
            entry.add("plugin", JsonNull.INSTANCE);
            entry.add("message", JsonNull.INSTANCE);
            children(error).forEach(part -> entry.add(part.getLocalName(), new JsonPrimitive(text(part))));
            errors.add(entry);
        }
        data.add("errors", errors);
        return data;
    }

    private static JsonObject fields(Element fields) {
        JsonObject object = new JsonObject();
        List<Element> parts = children(fields);
        for (Element field : parts.subList(1, parts.size())) {
            List<Element> nameAndValue = children(field);
            object.add(text(nameAndValue.get(0)), value(nameAndValue.get(1)));
        }
        return object;
    }

    private static JsonArray table(Element table) {
        List<Element> parts = children(table);
        List<String> columns = children(parts.get(1)).stream().map(XmlReportWriterTest::text).toList();
        JsonArray rows = new JsonArray();
        for (Element row : parts.subList(2, parts.size())) {
            List<Element> values = children(row);
            assertEquals(columns.size(), values.size());
            JsonObject object = new JsonObject();
            for (int i = 0; i < columns.size(); i++) {
                object.add(columns.get(i), value(values.get(i)));
            }
            rows.add(object);
        }
        return rows;
    }

    private static JsonElement value(Element value) {
        return switch (value.getLocalName()) {
            case "string" -> new JsonPrimitive(text(value));
            case "integer" -> new JsonPrimitive(new BigInteger(value.getTextContent()));
            case "number" -> new JsonPrimitive(Double.parseDouble(value.getTextContent()));
            case "boolean" -> new JsonPrimitive(Boolean.parseBoolean(value.getTextContent()));
            case "null" -> JsonNull.INSTANCE;
            default -> throw new AssertionError("not a value: " + value.getLocalName());
        };
    }

    /** Text, with the escapes of {@code escaped="true"} text turned back into characters. */
    private static String text(Element element) {
        String text = element.getTextContent();
        if (!element.getAttribute("escaped").equals("true")) {
            return text;
        }
        Matcher escape = ESCAPE.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(decoded,
                    Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
        }
        return escape.appendTail(decoded).toString();
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
