package org.gstats.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gstats.launcher.CommandLine.Command;
import org.gstats.launcher.CommandLine.UsageException;
import org.junit.Test;

public class CommandLineTest {

    @Test
    public void scanKeepsItsArgumentsInOrder() throws UsageException {
        CommandLine line = CommandLine.parse(List.of("scan", ".", "--format", "json"));
        assertEquals(Command.SCAN, line.command());
        assertEquals(List.of(".", "--format", "json"), line.arguments());
        assertFalse(line.verbose());
    }

    /** The store a direct scan's process connects to while its framework starts. */
    @Test
    public void aDirectScanConnectsEarlyToTheStoreItNames() throws UsageException {
        assertEquals(Optional.of(Main.CONFIGURED_STORE), Main.earlyStore(CommandLine.parse(List.of("scan", "."))
                .arguments()));
        assertEquals(Optional.of("jdbc:h2:file:/s/store"), Main.earlyStore(CommandLine.parse(
                List.of("scan", "--store", "jdbc:h2:file:/s/store", ".")).arguments()));
        assertEquals(Optional.empty(), Main.earlyStore(CommandLine.parse(List.of("scan", "--no-store", "."))
                .arguments()));
    }

    /** Where the store reads ahead for a direct scan: the arguments naming folders, else the current folder. */
    @Test
    public void aDirectScansRepositoryIsLookedForAmongItsFoldersThenTheCurrentOne() throws Exception {
        Path first = Files.createTempDirectory("gstats-likely");
        Path second = Files.createTempDirectory("gstats-likely");
        try {
            String here = Path.of("").toAbsolutePath().normalize().toString();
            assertEquals(List.of(first.toString(), second.toString()), Main.likelyRepositories(List.of(
                    "--format", "json", first + "/./", "--output", second.toString(), "--since", "2024-01-01")));
            assertEquals(List.of(here), Main.likelyRepositories(List.of("--format", "json")));
            assertEquals(List.of(here), Main.likelyRepositories(List.of("--no-store", ".")));
        } finally {
            Files.delete(first);
            Files.delete(second);
        }
    }

    @Test
    public void verboseAmongTheArgumentsIsPassedOnAndNoted() throws UsageException {
        CommandLine line = CommandLine.parse(List.of("scan", "--verbose", "."));
        assertEquals(List.of("--verbose", "."), line.arguments());
        assertTrue(line.verbose());
    }

    @Test
    public void verboseBeforeTheCommandIsTheLaunchersOwn() throws UsageException {
        CommandLine line = CommandLine.parse(List.of("-v", "plugins"));
        assertEquals(Command.PLUGINS, line.command());
        assertEquals(List.of(), line.arguments());
        assertTrue(line.verbose());
    }

    @Test
    public void mailmapTakesItsPathAndHasHelp() throws UsageException {
        CommandLine line = CommandLine.parse(List.of("mailmap", "repo"));
        assertEquals(Command.MAILMAP, line.command());
        assertEquals(List.of("repo"), line.arguments());
        assertEquals(Command.MAILMAP, CommandLine.parse(List.of("help", "mailmap")).helpTopic().orElseThrow());
    }

    @Test
    public void helpHasThreeSpellings() throws UsageException {
        for (String word : List.of("help", "--help", "-h")) {
            assertEquals(Command.HELP, CommandLine.parse(List.of(word)).command());
        }
    }

    @Test
    public void helpForScanOrPluginsNamesTheGogoCommand() throws UsageException {
        assertEquals(Optional.of(Command.SCAN), CommandLine.parse(List.of("help", "scan")).helpTopic());
        assertEquals(Optional.of(Command.PLUGINS), CommandLine.parse(List.of("--help", "plugins")).helpTopic());
        assertEquals(Optional.empty(), CommandLine.parse(List.of("help")).helpTopic());
        assertEquals(Optional.of(Command.SHELL), CommandLine.parse(List.of("help", "shell")).helpTopic());
        assertEquals(Optional.empty(), CommandLine.parse(List.of("scan", "help")).helpTopic());
    }

    @Test
    public void unknownCommandSuggestsTheNearestOne() {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse(List.of("scna", ".")));
        assertEquals("unknown command 'scna'; did you mean 'scan'?", e.getMessage());
        e = assertThrows(UsageException.class, () -> CommandLine.parse(List.of("help", "plugnis")));
        assertEquals("unknown command 'plugnis'; did you mean 'plugins'?", e.getMessage());
        e = assertThrows(UsageException.class, () -> CommandLine.parse(List.of("frobnicate")));
        assertEquals("unknown command 'frobnicate' (gstats --help lists the commands)", e.getMessage());
    }

    @Test
    public void helpAfterACommandAsksForItsHelp() throws UsageException {
        for (String flag : List.of("--help", "-h")) {
            CommandLine line = CommandLine.parse(List.of("sql", flag));
            assertEquals(Command.HELP, line.command());
            assertEquals(Optional.of(Command.SQL), line.helpTopic());
        }
        assertEquals(Optional.of(Command.SCAN), CommandLine.parse(List.of("scan", "--format", "json", "-h"))
                .helpTopic());
    }

    @Test
    public void versionAndShortQuiet() throws UsageException {
        assertEquals(Command.VERSION, CommandLine.parse(List.of("--version")).command());
        assertEquals(Command.VERSION, CommandLine.parse(List.of("version")).command());
        assertEquals("true", CommandLine.parse(List.of("-q", "scan")).settings().get("base.quiet"));
        assertEquals("true", CommandLine.parse(List.of("scan", "-q")).settings().get("base.quiet"));
    }

    @Test
    public void noCommandIsAUsageError() {
        assertThrows(UsageException.class, () -> CommandLine.parse(List.of()));
        assertThrows(UsageException.class, () -> CommandLine.parse(List.of("--verbose")));
    }

    @Test
    public void shellTakesNoArguments() {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse(List.of("shell", "x")));
        assertEquals("shell takes no arguments, got 'x'", e.getMessage());
    }

    @Test
    public void launcherOptionsBeforeOrAfterTheCommandBecomeSettings() throws UsageException {
        CommandLine line = CommandLine.parse(List.of("--log-format", "json", "scan", ".", "--config-file", "my.toml",
                "--log-file", "/tmp/g.log", "--quiet"));
        assertEquals(Command.SCAN, line.command());
        assertEquals(List.of(".", "--quiet"), line.arguments());
        assertEquals(Map.of("base.log-format", "json", "base.log-file", "/tmp/g.log", "base.quiet", "true",
                "base.verbose", "false"), line.settings());
        assertEquals(Path.of("my.toml").toAbsolutePath().toString(), line.configFile());
    }

    @Test
    public void verboseSetsTheVerboseKey() throws UsageException {
        CommandLine line = CommandLine.parse(List.of("-v", "config"));
        assertEquals(Command.CONFIG, line.command());
        assertEquals(Map.of("base.verbose", "true", "base.quiet", "false"), line.settings());
        assertEquals(Optional.of(Command.CONFIG), CommandLine.parse(List.of("help", "config")).helpTopic());
    }

    @Test
    public void launcherOptionWithoutValueOrQuietWithVerboseIsBadUsage() {
        assertEquals("--log-file needs a value",
                assertThrows(UsageException.class, () -> CommandLine.parse(List.of("scan", "--log-file"))).getMessage());
        assertEquals("--quiet and --verbose contradict each other (give one of them)",
                assertThrows(UsageException.class, () -> CommandLine.parse(List.of("--quiet", "-v", "scan")))
                        .getMessage());
    }

    @Test
    public void pluginDirBeforeTheCommandIsTheLaunchersOwn() throws UsageException {
        CommandLine line = CommandLine.parse(List.of("--plugin-dir", "/opt/plugins", "-v", "scan", "."));
        assertEquals(Command.SCAN, line.command());
        assertEquals("/opt/plugins", line.pluginDir());
        assertEquals(List.of("."), line.arguments());
        assertEquals("/srv/p", CommandLine.parse(List.of("--plugin-dir=/srv/p", "plugins")).pluginDir());
        assertEquals(null, CommandLine.parse(List.of("plugins")).pluginDir());
    }

    @Test
    public void pluginDirWithoutAFolderIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse(List.of("--plugin-dir")));
        assertEquals("--plugin-dir needs a folder", e.getMessage());
    }

    @Test
    public void pluginCommandsAreKnown() throws UsageException {
        assertEquals(Command.PLUGIN, CommandLine.parse(List.of("plugin", "commits")).command());
        assertEquals(Command.PLUGIN_VALIDATE, CommandLine.parse(List.of("plugin-validate", "x.jar")).command());
        assertEquals(Optional.of(Command.PLUGIN), CommandLine.parse(List.of("help", "plugin")).helpTopic());
    }
}
