package org.gstats.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Which daemon a client means, and where its socket may be. */
public class DaemonAddressTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private Map<String, String> environment(String... pairs) {
        Map<String, String> environment = new HashMap<>();
        environment.put("XDG_RUNTIME_DIR", folder.getRoot().toString());
        for (int i = 0; i < pairs.length; i += 2) {
            environment.put(pairs[i], pairs[i + 1]);
        }
        return environment;
    }

    private DaemonAddress address(Map<String, String> environment, String options) {
        return DaemonAddress.of(environment, Path.of("/opt/gstats"), "jars", options, 512).orElseThrow();
    }

    @Test
    public void theEnvironmentTheBundlesReadAndTheLauncherOptionsMakeAnotherDaemon() {
        String key = address(environment(), "").key();
        assertEquals(key, address(environment("TERM", "xterm", "COLUMNS", "80", "GSTATS_DAEMON", "on"), "").key());
        assertNotEquals(key, address(environment("GSTATS_DAEMON_IDLE_TIMEOUT", "5"), "").key());
        assertNotEquals(key, address(environment("GSTATS_FORMAT", "json"), "").key());
        assertNotEquals(key, address(environment("GIT_CONFIG_NOSYSTEM", "1"), "").key());
        assertNotEquals(key, address(environment("HOME", "/home/other"), "").key());
        assertNotEquals(key, address(environment(), "{base.quiet=true}").key());
        assertNotEquals(key, DaemonAddress.of(environment(), Path.of("/opt/gstats"), "other jars", "", 512)
                .orElseThrow().key());
        assertEquals(address(environment(), "").installation(),
                DaemonAddress.of(environment(), Path.of("/opt/gstats"), "other jars", "", 256).orElseThrow()
                        .installation());
    }

    @Test
    public void theSocketIsInAFolderOfTheUsersAloneInTheRuntimeFolder() throws Exception {
        DaemonAddress address = address(environment(), "");
        assertEquals(folder.getRoot().toPath().resolve("gstats"), address.folder());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(address.folder())));
        assertTrue(address.socket().getFileName().toString().endsWith(".sock"));
        assertEquals(address.key(), DaemonAddress.keyOf(address.socket()));

        Files.setPosixFilePermissions(address.folder(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertFalse("a folder others may write into", DaemonAddress.of(environment(), Path.of("/opt/gstats"), "jars",
                "", 512).isPresent());
    }

    @Test
    public void withoutARuntimeFolderTheCacheFolderAndNoSocketPathTooLongForTheSystem() throws Exception {
        Path cache = folder.newFolder("cache").toPath();
        Map<String, String> environment = Map.of("XDG_CACHE_HOME", cache.toString());
        assertEquals(cache.resolve("gstats/run"), address(environment, "").folder());
        assertEquals(cache.resolve("gstats"), address(environment, "").log().getParent());

        Path deep = folder.newFolder("a".repeat(60), "b".repeat(60)).toPath();
        assertFalse(DaemonAddress.of(Map.of("XDG_RUNTIME_DIR", deep.toString()), Path.of("/opt/gstats"), "jars", "",
                512).isPresent());
        assertFalse(DaemonAddress.of(Map.of(), Path.of("/opt/gstats"), "jars", "", 512).isPresent());
    }
}
