package org.gstats.launcher;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** Quoted command lines go through Gogo's real parser and reach the command unchanged. */
public class GogoQuotingTest {

    /** A command that keeps the arguments it was given. */
    public static final class Recorder {
        private volatile List<String> arguments;

        public void record(String... given) {
            arguments = List.of(given);
        }
    }

    private static ThreadIOImpl threadIO;
    private static CommandProcessorImpl processor;
    private static final Recorder RECORDER = new Recorder();

    @BeforeClass
    public static void startGogo() {
        threadIO = new ThreadIOImpl();
        threadIO.start();
        processor = new CommandProcessorImpl(threadIO);
        processor.addCommand("test", RECORDER, "record");
    }

    @AfterClass
    public static void stopGogo() {
        threadIO.stop();
    }

    private static List<String> throughGogo(List<String> arguments) throws Exception {
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), new ByteArrayOutputStream());
        try {
            session.execute(GogoQuoting.commandLine("test:record", arguments));
        } finally {
            session.close();
        }
        return RECORDER.arguments;
    }

    @Test
    public void plainWordsAndOptionsArriveAsGiven() throws Exception {
        List<String> arguments = List.of("/tmp/repo", "--format", "json", "--changes");
        assertEquals(arguments, throughGogo(arguments));
    }

    @Test
    public void spacesAndEmbeddedQuotesArriveAsGiven() throws Exception {
        List<String> arguments = List.of("my repo", "it's", "'", "''", "say \"hi\"", " lead", "trail ", "",
                "tab\there", "two\nlines", "caf\u00e9");
        assertEquals(arguments, throughGogo(arguments));
    }

    @Test
    public void gogoSyntaxStaysLiteral() throws Exception {
        List<String> arguments = List.of("$HOME", "${x}", "{ echo }", "[a b]", "(c)", "a;b", "a|b", "a&b", "x > y",
                "back\\slash", "#not-a-comment", "~", "*.java", "a=b");
        assertEquals(arguments, throughGogo(arguments));
    }

    @Test
    public void numbersStayStrings() throws Exception {
        assertEquals(List.of("42", "-1", "3.5", "0x10"), throughGogo(List.of("42", "-1", "3.5", "0x10")));
    }

    @Test
    public void commandNameIsNotQuoted() {
        assertEquals("gstats:scan 'a b' 'it'\\''s'", GogoQuoting.commandLine("gstats:scan", List.of("a b", "it's")));
    }
}
