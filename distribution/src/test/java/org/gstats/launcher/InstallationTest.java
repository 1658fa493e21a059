package org.gstats.launcher;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class InstallationTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private Installation installation;

    @Before
    public void createInstallation() throws IOException {
        Path home = folder.getRoot().toPath();
        Files.createDirectories(home.resolve("bundle"));
        Files.createDirectories(home.resolve("conf"));
        installation = new Installation(home);
    }

    @After
    public void clearProperties() {
        System.clearProperty("gstats.test.override");
        System.clearProperty("gstats.test.kept");
        System.clearProperty("gstats.test.set");
    }

    private void conf(String file, String... lines) throws IOException {
        Files.write(installation.confDir().resolve(file), List.of(lines), StandardCharsets.UTF_8);
    }

    @Test
    public void frameworkPropertiesSubstituteTheHomeAndSystemProperties() throws IOException {
        conf("framework.properties", "dir=${gstats.home}/plugins", "java=${java.version}", "odd=${no.such.property}");
        Map<String, String> properties = installation.frameworkProperties();
        assertEquals(installation.home() + "/plugins", properties.get("dir"));
        assertEquals(System.getProperty("java.version"), properties.get("java"));
        assertEquals("${no.such.property}", properties.get("odd"));
    }

    @Test
    public void aSystemPropertyOverridesTheFrameworkProperty() throws IOException {
        conf("framework.properties", "gstats.test.override=from-file");
        System.setProperty("gstats.test.override", "from-command-line");
        assertEquals("from-command-line", installation.frameworkProperties().get("gstats.test.override"));
    }

    @Test
    public void systemPropertiesAreSetUnlessAlreadyGiven() throws IOException {
        conf("system.properties", "gstats.test.kept=from-file", "gstats.test.set=${gstats.home}");
        System.setProperty("gstats.test.kept", "from-command-line");
        installation.applySystemProperties();
        assertEquals("from-command-line", System.getProperty("gstats.test.kept"));
        assertEquals(installation.home().toString(), System.getProperty("gstats.test.set"));
    }

    @Test
    public void missingFilesAreEmpty() throws IOException {
        assertEquals(Map.of(), installation.frameworkProperties());
    }

    @Test
    public void bundlesAreTheJarsSortedByName() throws IOException {
        for (String name : List.of("b.jar", "a.jar", "notes.txt")) {
            Files.createFile(installation.bundleDir().resolve(name));
        }
        assertEquals(List.of(installation.bundleDir().resolve("a.jar"), installation.bundleDir().resolve("b.jar")),
                installation.bundles());
    }
}
