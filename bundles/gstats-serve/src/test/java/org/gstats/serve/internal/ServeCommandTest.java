package org.gstats.serve.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ServeCommandTest {

    private static final ServeCommand.Configured NONE = ServeCommand.Configured.DECLARED;

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private static ServeCommand.Configured token(String token) {
        return NONE.withToken(token);
    }

    @Test
    public void configuredRootsCountWhenNoneIsGiven() throws Exception {
        Path start = temp.getRoot().toPath();
        Path a = temp.newFolder("a").toPath().toRealPath();
        Path b = temp.newFolder("b").toPath().toRealPath();
        ServeCommand.Configured configured = new ServeCommand.Configured(8080, "127.0.0.1", "", List.of("a"));
        assertEquals(List.of(a), ServeCommand.parse(List.of(), configured, start).roots());
        assertEquals(List.of(b), ServeCommand.parse(List.of("--root", b.toString()), configured, start).roots());
    }

    @Test
    public void defaultsAreLoopbackAndTheStartDirectory() throws Exception {
        Path start = temp.getRoot().toPath();
        ServeCommand.Options options = ServeCommand.parse(List.of(), NONE, start);
        assertEquals("127.0.0.1", options.bind());
        assertEquals(8080, options.port());
        assertEquals(List.of(start.toRealPath()), options.roots());
        assertEquals("", options.token());
    }

    @Test
    public void configuredPortAndAddressCountWhenNoneIsGiven() throws Exception {
        Path start = temp.getRoot().toPath();
        ServeCommand.Configured configured = new ServeCommand.Configured(9000, "::1", "", List.of());
        ServeCommand.Options options = ServeCommand.parse(List.of(), configured, start);
        assertEquals(9000, options.port());
        assertEquals("::1", options.bind());
        options = ServeCommand.parse(List.of("--port", "9001", "--bind", "127.0.0.1"), configured, start);
        assertEquals(9001, options.port());
        assertEquals("127.0.0.1", options.bind());
        // a refused value names where it came from
        assertRefused(List.of(), new ServeCommand.Configured(9000, "0.0.0.0", "", List.of()),
                "serve: [serve] bind (or GSTATS_SERVE_BIND) 0.0.0.0 is reachable from other machines");
        assertRefused(List.of(), new ServeCommand.Configured(9000, "127.0.0.1", "", List.of("nope")),
                "serve: [serve] roots (or GSTATS_SERVE_ROOTS) nope is not a directory");
    }

    @Test
    public void anotherAddressNeedsAToken() throws Exception {
        Path start = temp.getRoot().toPath();
        assertRefused(List.of("--bind", "0.0.0.0"), NONE, "--bind 0.0.0.0 is reachable from other machines");
        assertEquals("t", ServeCommand.parse(List.of("--bind", "0.0.0.0"), token("t"), start).token());
        assertEquals("u", ServeCommand.parse(List.of("--bind", "0.0.0.0", "--token", "u"), token("t"), start).token());
        assertEquals("::1", ServeCommand.parse(List.of("--bind", "::1"), NONE, start).bind());
    }

    @Test
    public void badOptionsAreOneLine() throws Exception {
        assertRefused(List.of("--port", "70000"), NONE, "--port takes a number from 0 to 65535");
        assertRefused(List.of("--port"), NONE, "--port needs a value");
        assertRefused(List.of("--colour", "red"), NONE, "unknown option '--colour'");
        assertRefused(List.of("--root", temp.newFile("file").toString()), NONE, "is not a directory");
    }

    private void assertRefused(List<String> arguments, ServeCommand.Configured configured, String message) {
        try {
            ServeCommand.parse(arguments, configured, temp.getRoot().toPath());
            fail(arguments + " was accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(message));
        }
    }

    @Test
    public void aPortInUseIsToldBeforeTheWebServerStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            try {
                ServeCommand.checkListenable("127.0.0.1", port);
                fail("port " + port + " is in use");
            } catch (IllegalArgumentException e) {
                assertEquals("serve: port " + port + " on 127.0.0.1 is in use (another server?): give --port N, or "
                        + "--port 0 for any free one", e.getMessage());
            }
        }
        ServeCommand.checkListenable("127.0.0.1", 0);
    }

    @Test
    public void everyAddressIsShownByTheHostsName() throws Exception {
        assertEquals("http://127.0.0.1:8080/", ServeCommand.shown("http://127.0.0.1:8080/", "127.0.0.1"));
        assertEquals("http://" + InetAddress.getLocalHost().getHostName() + ":43223/ (every address of this machine)",
                ServeCommand.shown("http://[fd00:0:0:0:0:0:0:2%eth0]:43223/", "0.0.0.0"));
    }
}
