package org.gstats.config.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gstats.config.api.ConfigException;
import org.gstats.config.api.ConfigRequest;
import org.gstats.config.api.EffectiveConfiguration;
import org.gstats.config.api.Rung;
import org.gstats.config.api.Setting;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Each rung of the hierarchy, and what wins over what. */
public class ResolverTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> launcherOptions = new HashMap<>();
    private Path defaultsFile;
    private Path configFile;

    private Path userFile() {
        return folder.getRoot().toPath().resolve("xdg/gstats/config.toml");
    }

    private Path repository() throws IOException {
        Path repository = folder.getRoot().toPath().resolve("repo");
        Files.createDirectories(repository.resolve(".git"));
        Files.createDirectories(repository.resolve("src/deep"));
        return repository;
    }

    private static Path write(Path file, String toml) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, toml, StandardCharsets.UTF_8);
        return file;
    }

    private EffectiveConfiguration resolve(Path repository, Map<String, String> commandLine) throws ConfigException {
        Sources sources = new Sources(environment, userFile(), defaultsFile, configFile, launcherOptions);
        return new Resolver(sources, ShippedSchema::get).resolve(new ConfigRequest(repository, commandLine));
    }

    private static void assertSetting(EffectiveConfiguration configuration, String key, Object value, Rung rung) {
        Setting setting = configuration.setting(key).orElseThrow();
        assertEquals(key, value, setting.value());
        assertEquals(key + " set by " + setting.origin(), rung, setting.rung());
    }

    @Test
    public void withNothingEveryKeyHasTheTablesDefault() throws Exception {
        EffectiveConfiguration configuration = resolve(null, Map.of());
        assertEquals(ShippedSchema.get().ids(), configuration.settings().stream().map(Setting::key).toList());
        assertSetting(configuration, "scanner.renames", true, Rung.DEFAULTS);
        assertEquals("built in", configuration.setting("base.log-format").orElseThrow().origin());
        assertTrue(configuration.warnings().isEmpty());
    }

    @Test
    public void variablesReadOutsideTheConfigurationAreNotWarnedAbout() throws Exception {
        for (String variable : List.of("GSTATS_PLUGIN_DIR", "GSTATS_CDS", "GSTATS_FRAMEWORK_CACHE", "GSTATS_STORE",
                "GSTATS_STORE_USER", "GSTATS_STORE_PASSWORD", "GSTATS_HOME")) {
            environment.put(variable, "x");
        }
        environment.put("GSTATS_QUITE", "true");
        assertEquals(List.of("environment variable GSTATS_QUITE is ignored: gstats does not know it (did you mean "
                + "GSTATS_QUIET?)"), resolve(null, Map.of()).warnings());
    }

    @Test
    public void shippedDefaultsFileIsTheLowestRung() throws Exception {
        defaultsFile = write(folder.getRoot().toPath().resolve("conf/gstats.toml"),
                "[scanner]\nrenames = false\n");
        EffectiveConfiguration configuration = resolve(null, Map.of());
        assertSetting(configuration, "scanner.renames", false, Rung.DEFAULTS);
        assertEquals(defaultsFile.toString(), configuration.setting("scanner.renames").orElseThrow().origin());
    }

    @Test
    public void projectConfigInTheRepositoryRootBeatsTheDefaults() throws Exception {
        Path repository = repository();
        defaultsFile = write(folder.getRoot().toPath().resolve("conf/gstats.toml"), "[base]\nlog-format = \"text\"\n");
        write(repository.resolve(".gstats.toml"), "[base]\nlog-format = \"json\"\n[module.commits]\nsince = \"30d\"\n");
        EffectiveConfiguration configuration = resolve(repository.resolve("src/deep"), Map.of());
        assertSetting(configuration, "base.log-format", "json", Rung.PROJECT);
        assertSetting(configuration, "scanner.since", "30d", Rung.PROJECT);
        assertTrue(configuration.warnings().toString(), configuration.warnings().get(0).endsWith(
                ": module.commits.since is now scanner.since (it filters the history of every plugin); read as "
                        + "scanner.since, move it to [scanner]"));
    }

    @Test
    public void configurationAdminGetsTheInstallationAndTheCommandsProcessKeysButNoScansOwnSettings()
            throws Exception {
        Path repository = repository();
        write(repository.resolve(".gstats.toml"), "[module.commits]\nchanges = true\n[scanner]\n"
                + "diff-algorithm = \"histogram\"\nqueue-size = 64\n");
        write(userFile(), "[module.commits]\ninclude-merges = false\n");
        EffectiveConfiguration scan = resolve(repository, Map.of("scanner.max-memory", "256MB",
                "scanner.first-parent", "true"));
        EffectiveConfiguration installation = resolve(null, Map.of());

        Map<String, java.util.Hashtable<String, Object>> published = Publisher.dictionaries(
                GstatsConfigurationImpl.published(scan, installation, ShippedSchema.get()), ShippedSchema.get());

        // a scan's own settings travel in its request only
        assertEquals(false, published.get("org.gstats.module.commits").get("changes"));
        assertEquals(false, published.get("org.gstats.module.commits").get("include.merges"));
        assertFalse(published.values().stream().anyMatch(values -> values.containsKey("diff.algorithm")
                || values.containsKey("first.parent")));
        // the process's components (memory, queues) follow the latest command; each bundle has its own PID
        assertEquals(256L << 20, published.get("org.gstats.memory").get("max.memory"));
        assertEquals(64L, published.get("org.gstats.queue").get("queue.size"));
        assertEquals(10L << 20, published.get("org.gstats.scanner").get("pack.cache"));
        // and the scan gets everything by section, as its request carries it
        assertEquals(true, scan.sections().get("module.commits").get("changes"));
        assertEquals("histogram", scan.sections().get("scanner").get("diff.algorithm"));
    }

    @Test
    public void userConfigBeatsTheProjectConfig() throws Exception {
        Path repository = repository();
        write(repository.resolve(".gstats.toml"), "[scanner]\nmax-commits = 10\ndiff-algorithm = \"histogram\"\n");
        write(userFile(), "[scanner]\nmax-commits = 20\npack-cache = \"256MB\"\n");
        EffectiveConfiguration configuration = resolve(repository, Map.of());
        assertSetting(configuration, "scanner.max-commits", 20L, Rung.USER);
        assertSetting(configuration, "scanner.pack-cache", 256L << 20, Rung.USER);
        assertEquals(256L << 20, Publisher.dictionaries(configuration, ShippedSchema.get()).get("org.gstats.scanner").get("pack.cache"));
        assertSetting(configuration, "scanner.diff-algorithm", "histogram", Rung.PROJECT);
    }

    @Test
    public void userConfigFollowsXdgConfigHome() {
        assertEquals(Path.of("/x/gstats/config.toml"), Sources.userFile(Map.of("XDG_CONFIG_HOME", "/x"), "/home/a"));
        assertEquals(Path.of("/home/a/.config/gstats/config.toml"), Sources.userFile(Map.of(), "/home/a"));
        assertEquals(Path.of("/home/a/.config/gstats/config.toml"),
                Sources.userFile(Map.of("XDG_CONFIG_HOME", "relative"), "/home/a"));
    }

    @Test
    public void environmentBeatsTheUserConfig() throws Exception {
        write(userFile(), "[base]\nverbose = true\nlog-format = \"json\"\n[scanner]\nmax-commits = 20\n");
        Path named = write(folder.getRoot().toPath().resolve("other.toml"), "[scanner]\nmax-commits = 30\n");
        environment.put("GSTATS_CONFIG", named.toString());
        environment.put("GSTATS_VERBOSE", "no");
        EffectiveConfiguration configuration = resolve(null, Map.of());
        assertSetting(configuration, "base.verbose", false, Rung.ENVIRONMENT);
        assertEquals("GSTATS_VERBOSE", configuration.setting("base.verbose").orElseThrow().origin());
        assertSetting(configuration, "scanner.max-commits", 30L, Rung.ENVIRONMENT);
        assertSetting(configuration, "base.log-format", "json", Rung.USER);
    }

    @Test
    public void commandLineBeatsTheEnvironment() throws Exception {
        environment.put("GSTATS_SINCE", "2w");
        environment.put("GSTATS_FORMAT", "csv");
        environment.put("GSTATS_LOG_FORMAT", "json");
        launcherOptions.put("base.log-format", "text");
        configFile = write(folder.getRoot().toPath().resolve("given.toml"), "[module.export]\nformat = \"yaml\"\n");
        EffectiveConfiguration configuration = resolve(null, Map.of("scanner.since", "2024-01-31"));
        assertSetting(configuration, "scanner.since", "2024-01-31", Rung.COMMAND_LINE);
        assertEquals("--since", configuration.setting("scanner.since").orElseThrow().origin());
        assertSetting(configuration, "module.export.format", "yaml", Rung.COMMAND_LINE);
        assertSetting(configuration, "base.log-format", "text", Rung.COMMAND_LINE);
    }

    @Test
    public void sizesAndAgesParse() throws Exception {
        ValueType size = ValueType.size();
        assertEquals(256L << 20, size.fromText("256MB"));
        assertEquals(2L << 30, size.fromText("2g"));
        assertEquals(512L << 10, size.fromText("512KiB"));
        assertEquals(100L, size.fromToml(100L));
        assertEquals("\"256MB\"", size.toToml(256L << 20));
        ValueType time = ValueType.time();
        assertEquals("30d", time.fromText("30d"));
        assertEquals("2024-01-31T12:00:00Z", time.fromText("2024-01-31T12:00:00Z"));
        assertEquals("2024-01-31", time.fromToml(java.time.LocalDate.of(2024, 1, 31)));
        assertEquals("2 weeks ago", time.fromText("2 weeks ago"));
        assertEquals("yesterday", time.fromText("yesterday"));
        for (String bad : List.of("30 dayz", "someday", "d30")) {
            try {
                time.fromText(bad);
                fail(bad + " was taken as a time");
            } catch (InvalidValue e) {
                assertTrue(e.getMessage(), e.getMessage().contains("\"30d\""));
            }
        }
    }

    @Test
    public void unknownKeysAreWarnedAboutWithTheNearestKnownKey() throws Exception {
        write(userFile(), "[scanner]\nrenmaes = false\n[modul.commits]\nchanges = true\n");
        environment.put("GSTATS_VERBSE", "1");
        EffectiveConfiguration configuration = resolve(null, Map.of());
        List<String> warnings = configuration.warnings();
        assertEquals(warnings.toString(), 3, warnings.size());
        assertEquals(userFile() + ":2: unknown key scanner.renmaes is ignored (did you mean scanner.renames?)",
                warnings.get(0));
        assertTrue(warnings.get(1), warnings.get(1).contains("modul.commits.changes")
                && warnings.get(1).endsWith("(did you mean module.commits.changes?)"));
        assertTrue(warnings.get(2), warnings.get(2).contains("GSTATS_VERBSE")
                && warnings.get(2).endsWith("(did you mean GSTATS_VERBOSE?)"));
        assertSetting(configuration, "scanner.renames", true, Rung.DEFAULTS);
    }

    @Test
    public void aPluginsOwnSectionIsPassedOnAsTyped() throws Exception {
        write(userFile(), "[module.churn]\nwindow-days = 30\nkinds = [\"a\", \"b\"]\nwindows = [7, 30]\nratio = 0.5\nwhen = 2024-01-01\n"
                + "[module.comits]\nsince = \"1y\"\n");
        EffectiveConfiguration configuration = resolve(null, Map.of());
        assertSetting(configuration, "module.churn.window-days", 30L, Rung.USER);
        assertSetting(configuration, "module.churn.kinds", List.of("a", "b"), Rung.USER);
        assertSetting(configuration, "module.churn.windows", List.of("7", "30"), Rung.USER);
        assertSetting(configuration, "module.churn.ratio", 0.5, Rung.USER);
        assertEquals(configuration.warnings().toString(), List.of(
                userFile() + ":6: module.churn.when = 2024-01-01 is ignored: a plugin's key takes true or false, a "
                        + "number, text or a list of texts or numbers",
                userFile() + ":7: [module.comits] is passed on to a plugin of that name (did you mean "
                        + "[module.commits]?)"), configuration.warnings());
        Map<String, java.util.Hashtable<String, Object>> dictionaries = Publisher.dictionaries(configuration, ShippedSchema.get());
        assertEquals(30L, dictionaries.get("org.gstats.module.churn").get("window.days"));
        assertEquals(List.of("a", "b"), List.of((String[]) dictionaries.get("org.gstats.module.churn").get("kinds")));
        String shown = DefaultsFile.effective(configuration, ShippedSchema.get());
        assertTrue(shown, shown.contains("[module.churn]\nwindow-days = 30 "));
        assertTrue(shown, shown.contains("kinds = [\"a\", \"b\"] "));
    }

    @Test
    public void malformedTomlIsOneLineWithFileLineAndColumn() throws Exception {
        write(userFile(), "[scanner]\nrenames = false\nmax-commits = = 3\n");
        try {
            resolve(null, Map.of());
            fail("malformed TOML was read");
        } catch (ConfigException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(userFile() + ":3:15: malformed TOML: "));
            assertFalse(e.getMessage(), e.getMessage().contains("\n"));
        }
    }

    @Test
    public void numbersAndListsOfNumbersAreReadAndChecked() throws Exception {
        write(userFile(), "[module.metrics]\nwindows = [7, 14.0]\nweight-churn = 1\nweight-size = 0.5\n");
        EffectiveConfiguration configuration = resolve(null, Map.of());
        assertSetting(configuration, "module.metrics.windows", List.of("7", "14"), Rung.USER);
        assertSetting(configuration, "module.metrics.weight-churn", 1.0, Rung.USER);
        assertSetting(configuration, "module.metrics.weight-size", 0.5, Rung.USER);
        assertEquals(List.of("7", "14"), List.of((String[]) Publisher.dictionaries(configuration, ShippedSchema.get())
                .get("org.gstats.module.metrics").get("windows")));

        write(userFile(), "[module.metrics]\nweight-churn = -1\n");
        assertProblem(userFile() + ":2: module.metrics.weight-churn = -1 is not allowed: module.metrics.weight-churn "
                + "takes a number of 0 or more such as 0.25", Map.of());
        write(userFile(), "[module.metrics]\nwindows = [30, \"90\"]\n");
        assertProblem(userFile() + ":2: module.metrics.windows = [30, \"90\"] is not allowed: module.metrics.windows "
                + "takes a list of numbers of 0 or more such as [30, 90, 365]", Map.of());
    }

    @Test
    public void aValueOfTheWrongTypeOrOutOfRangeNamesKeyValueAndWhatIsAllowed() throws Exception {
        write(userFile(), "[scanner]\nmax-commits = -5\n");
        assertProblem(userFile() + ":2: scanner.max-commits = -5 is not allowed: scanner.max-commits takes a whole "
                + "number from 0 to 2147483647", Map.of());
        write(userFile(), "[scanner]\nrenames = \"no\"\n");
        assertProblem(userFile() + ":2: scanner.renames = \"no\" is not allowed: scanner.renames takes true or false",
                Map.of());
        write(userFile(), "[base]\nlog-format = \"xml\"\n");
        assertProblem(userFile() + ":2: base.log-format = \"xml\" is not allowed: base.log-format takes one of "
                + "\"text\", \"json\"", Map.of());
        Files.delete(userFile());
        assertProblem("--since someday is not allowed: scanner.since takes a date \"2024-01-31\"",
                Map.of("scanner.since", "someday"));
        environment.put("GSTATS_QUIET", "maybe");
        assertProblem("environment variable GSTATS_QUIET=maybe is not allowed: base.quiet takes true or false",
                Map.of());
    }

    private void assertProblem(String expectedStart, Map<String, String> commandLine) {
        try {
            resolve(null, commandLine);
            fail("taken: " + expectedStart);
        } catch (ConfigException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(expectedStart));
        }
    }

    @Test
    public void quietAndVerboseTogetherNameWhereEachCameFrom() throws Exception {
        write(userFile(), "[base]\nverbose = true\n");
        environment.put("GSTATS_QUIET", "1");
        assertProblem("base.quiet (environment, GSTATS_QUIET) and base.verbose (user config, " + userFile()
                + ") are both true: set one of them to false", Map.of());
        assertEquals(false, resolve(null, Map.of("base.verbose", "false")).value("base.verbose"));
    }

    @Test
    public void aNamedFileThatIsMissingIsBadInput() {
        environment.put("GSTATS_CONFIG", folder.getRoot().toPath().resolve("missing.toml").toString());
        assertProblem("GSTATS_CONFIG names " + folder.getRoot().toPath().resolve("missing.toml"), Map.of());
    }
}
