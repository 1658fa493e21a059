package org.gstats.itests;

import static org.gstats.itests.GogoCommands.quote;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

import org.gstats.api.ScannerPlugin;
import org.gstats.itests.GogoCommands.Outcome;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The configuration hierarchy in the shipped system: a user config file edited between two
 * scans of one session reaches the commits plugin (in the scan's settings) and Configuration
 * Admin at the next scan; an external plugin's section is checked against its MetaType;
 * a project config counts for its repository; a malformed file stops the scan with exit code 2.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigurationIT {

    private static SampleRepository sample;

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    /** The user config file of this test's framework (in place of ~/.config/gstats/config.toml). */
    private static Path userFile() {
        return SampleRepository.workDir().resolve("configuration-it/config.toml");
    }

    @Configuration
    public Option[] configuration() {
        List<Option> options = new ArrayList<>(Arrays.asList(ShippedSystem.options()));
        options.add(frameworkProperty("gstats.config.user").value(userFile().toString()));
        return options.toArray(Option[]::new);
    }

    private static synchronized SampleRepository sample() {
        if (sample == null) {
            sample = SampleRepository.create(SampleRepository.workDir());
        }
        return sample;
    }

    private static void write(Path file, String toml) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, toml, StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private JsonObject commits(String arguments) throws Exception {
        Outcome outcome = new GogoCommands(context).execute("scan", quote(sample().dir()) + " --format json"
                + arguments);
        assertNull("scan failed: " + outcome.errors(), outcome.failure());
        return JsonParser.parseString(outcome.output()).getAsJsonObject().getAsJsonObject("sections")
                .getAsJsonObject("commits");
    }

    @Test
    public void anEditedUserConfigCountsFromTheNextScan() throws Exception {
        Path project = sample().dir().resolve(".gstats.toml");
        Files.deleteIfExists(project);
        write(userFile(), "[module.commits]\nchanges = false\n");
        assertNull("a changes table though the config says no", commits("").get("changes"));

        write(userFile(), "[module.commits]\nchanges = true\n");
        JsonObject commits = commits("");

        assertNotNull("no changes table after the config was edited", commits.get("changes"));
        assertEquals(sample().fileChanges().size(), commits.getAsJsonArray("changes").size());
        assertEquals(Boolean.TRUE, configurationAdmin.getConfiguration("org.gstats.module.commits", "?")
                .getProperties().get("changes"));

        // back and forth: each scan sees the edit made just before it, never the one before that
        for (int round = 0; round < 5; round++) {
            write(userFile(), "[module.commits]\nchanges = false\n");
            assertNull("round " + round + ": the changes table stayed", commits("").get("changes"));
            write(userFile(), "[module.commits]\nchanges = true\n");
            assertNotNull("round " + round + ": no changes table", commits("").get("changes"));
        }
    }

    @Test
    public void theProjectConfigCountsAndTheUserConfigWinsOverIt() throws Exception {
        Path project = sample().dir().resolve(".gstats.toml");
        write(userFile(), "[scanner]\nrenames = true\n");
        write(project, "[scanner]\nrenames = false\n[module.commits]\nuntil = \"2000-01-01\"\n");
        try {
            Outcome outcome = new GogoCommands(context).execute("config", quote(sample().dir()));
            assertNull(outcome.errors(), outcome.failure());
            assertTrue(outcome.output(), outcome.output().lines().anyMatch(line -> line.matches(
                    "renames = true +# user config \\(" + java.util.regex.Pattern.quote(userFile().toString()) + "\\)")));
            assertTrue(outcome.output(), outcome.output().lines().anyMatch(line -> line.matches(
                    "until = \"2000-01-01\" +# project config \\(.*\\.gstats\\.toml\\)")));

            JsonObject totals = commits("").getAsJsonObject("totals");
            assertEquals("the project config's until left commits in", 0, totals.get("commits").getAsInt());
        } finally {
            Files.delete(project);
        }
    }

    @Test
    public void aPluginsOwnSectionReachesConfigurationAdminAndLeavesWithIt() throws Exception {
        write(userFile(), "[module.churn]\nwindow-days = 30\n");
        commits("");
        assertEquals(30L, configurationAdmin.getConfiguration("org.gstats.module.churn", "?").getProperties()
                .get("window.days"));

        write(userFile(), "");
        commits("");
        assertNull("the section's configuration outlived it",
                configurationAdmin.listConfigurations("(service.pid=org.gstats.module.churn)"));
    }

    /**
     * The coupling plugin, installed as a third party's jar, declares [module.coupling] with
     * MetaType: a value its attribute refuses stops the scan in one line; one it takes reaches the
     * plugin's analysis in the scan's settings.
     */
    @Test
    public void anExternalPluginsSectionIsCheckedAgainstItsMetaTypeAndReachesItsScan() throws Exception {
        Bundle coupling = context.installBundle(Path.of(System.getProperty("gstats.coupling.jar")).toUri().toString());
        try {
            coupling.start();
            awaitPlugin("coupling");
            write(userFile(), "[module.coupling]\nmin-degree = -1\n");
            Outcome refused = new GogoCommands(context).execute("scan", quote(sample().dir()) + " --format json");
            assertNotNull(refused.failure());
            assertTrue(refused.failure().getMessage(), refused.failure().getMessage().startsWith(userFile()
                    + ":2: module.coupling.min-degree = -1 is not allowed: module.coupling.min-degree takes a whole "
                    + "number from 0 to 2147483647"));
            assertEquals(2, ((Number) refused.exit()).intValue());

            write(userFile(), "[module.coupling]\nmin-degree = 0\nmin-shared = 1\nmin-revisions = 1\n"
                    + "max-changeset-size = 100\n");
            Outcome outcome = new GogoCommands(context).execute("scan", quote(sample().dir())
                    + " --format json --plugins coupling");
            assertNull(outcome.errors(), outcome.failure());
            JsonObject section = JsonParser.parseString(outcome.output()).getAsJsonObject()
                    .getAsJsonObject("sections").getAsJsonObject("coupling");
            assertNotNull(outcome.output(), section);
            assertTrue("with every threshold at its lowest, files changed together are pairs: " + section,
                    section.getAsJsonArray("pairs").size() > 0);
        } finally {
            coupling.uninstall();
            write(userFile(), "");
        }
    }

    private void awaitPlugin(String name) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (ServiceReference<ScannerPlugin> reference : context.getServiceReferences(ScannerPlugin.class, null)) {
                ScannerPlugin plugin = context.getService(reference);
                try {
                    if (plugin != null && plugin.name().equals(name)) {
                        return;
                    }
                } finally {
                    context.ungetService(reference);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no plugin " + name + " within 20 s");
    }

    @Test
    public void aMalformedConfigIsOneLineExitTwoAndNothingScanned() throws Exception {
        write(userFile(), "[scanner]\nrenames = = false\n");
        Outcome outcome = new GogoCommands(context).execute("scan", quote(sample().dir()) + " --format json");

        assertNotNull(outcome.failure());
        assertEquals(userFile() + ":2:11: malformed TOML: Unexpected '=', expected ', \", ''', \"\"\", a number, "
                + "a boolean, a date/time, an array, or a table (fix the file, or move it away to scan without it)",
                outcome.failure().getMessage());
        assertEquals(2, ((Number) outcome.exit()).intValue());
        assertEquals("", outcome.output());
        assertFalse(outcome.errors(), outcome.errors().contains("scanned"));
        write(userFile(), "");
    }
}
