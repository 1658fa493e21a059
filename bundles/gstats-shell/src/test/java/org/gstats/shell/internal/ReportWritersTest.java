package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gstats.api.report.Report;
import org.gstats.api.report.ReportWriter;
import org.junit.Test;

public class ReportWritersTest {

    private final ReportWriters writers = new ReportWriters();

    @Test
    public void findsTheWriterRegisteredForTheFormat() throws CommandFailure {
        ReportWriter json = writer("json");
        ReportWriter text = writer("text");
        writers.add(json, properties("json", 1L, 0));
        writers.add(text, properties("text", 2L, 0));

        assertSame(json, writers.require("json"));
        assertSame(text, writers.require("TEXT"));
        assertEquals(List.of("json", "text"), writers.formats());
    }

    @Test
    public void unknownFormatIsBadUsageListingTheFormats() {
        writers.add(writer("text"), properties("text", 2L, 0));
        writers.add(writer("json"), properties("json", 1L, 0));

        CommandFailure failure = requireFails("xml");

        assertEquals(CommandFailure.BAD_USAGE, failure.exitCode());
        assertEquals("unknown format 'xml' (available: json, text)", failure.getMessage());
    }

    @Test
    public void withoutWritersNoFormatIsAvailable() {
        assertEquals("unknown format 'text' (available: none)", requireFails("text").getMessage());
    }

    @Test
    public void highestRankingThenOldestServiceWins() throws CommandFailure {
        ReportWriter oldest = writer("json");
        ReportWriter newer = writer("json");
        ReportWriter ranked = writer("json");
        writers.add(newer, properties("json", 7L, 0));
        writers.add(oldest, properties("json", 3L, 0));
        assertSame(oldest, writers.require("json"));

        writers.add(ranked, properties("json", 9L, 10));
        assertSame(ranked, writers.require("json"));
    }

    @Test
    public void formatsWithAnOptionAreThoseWhosePreferredWriterTakesIt() {
        writers.add(writer("json", ReportWriter.Option.PRETTY), properties("json", 1L, 0));
        writers.add(writer("yaml", ReportWriter.Option.PRETTY), properties("yaml", 2L, 0));
        writers.add(writer("csv", ReportWriter.Option.TABLE), properties("csv", 3L, 0));
        writers.add(writer("text"), properties("text", 4L, 0));
        writers.add(writer("yaml"), properties("yaml", 5L, 10));

        assertEquals(List.of("json"), writers.formatsWith(ReportWriter.Option.PRETTY));
        assertEquals(List.of("csv"), writers.formatsWith(ReportWriter.Option.TABLE));
    }

    @Test
    public void removedWriterIsGone() throws CommandFailure {
        ReportWriter first = writer("json");
        ReportWriter second = writer("json");
        writers.add(first, properties("json", 1L, 0));
        writers.add(second, properties("json", 2L, 0));

        writers.remove(properties("json", 1L, 0));
        assertSame(second, writers.require("json"));

        writers.remove(properties("json", 2L, 0));
        assertTrue(writers.find("json").isEmpty());
    }

    private CommandFailure requireFails(String format) {
        try {
            writers.require(format);
        } catch (CommandFailure e) {
            return e;
        }
        fail("format " + format + " was found");
        return null;
    }

    private static Map<String, Object> properties(String format, long serviceId, int ranking) {
        return Map.of(ReportWriter.FORMAT_PROPERTY, format, "service.id", serviceId, "service.ranking", ranking);
    }

    private static ReportWriter writer(String format, ReportWriter.Option... options) {
        return new ReportWriter() {
            @Override
            public String format() {
                return format;
            }

            @Override
            public Set<Option> options() {
                return Set.of(options);
            }

            @Override
            public void write(Report report, OutputStream out) {
                throw new UnsupportedOperationException("only looked up in this test");
            }
        };
    }
}
