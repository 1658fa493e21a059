package org.gstats.config.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gstats.config.api.ConfigException;
import org.gstats.config.api.Rung;
import org.gstats.config.api.Setting;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ParsedDefaultsTest {

    /** Knows no key: read directly, the defaults file gives no settings and a warning per key. */
    private static final Schema NO_KEYS = Schema.of(List.of());

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path file;
    private Path store;

    @Before
    public void defaultsFile() throws Exception {
        file = folder.getRoot().toPath().resolve("gstats.toml");
        // every kind of value a read keeps: booleans, numbers, texts, lists, a plugin's decimal
        Files.writeString(file, DefaultsFile.render(ShippedSchema.get())
                + "\n[module.zzzplugin]\nweight = 0.25\nlimits = [1, 2.5]\nname = \"x\"\n", StandardCharsets.UTF_8);
        store = folder.getRoot().toPath().resolve("data").resolve(ParsedDefaults.FILE);
    }

    @Test
    public void aKeptReadIsTheFilesReadAndIsUsedByTheNextRun() throws Exception {
        Schema schema = ShippedSchema.get().readFrom("bundles of run 1");
        List<Setting> direct = TomlReader.read(file, Rung.DEFAULTS, new ArrayList<>(), schema);
        assertTrue(direct.stream().anyMatch(setting -> setting.value() instanceof Double));
        assertTrue(direct.stream().anyMatch(setting -> setting.value() instanceof List<?>));

        List<String> warnings = new ArrayList<>();
        assertEquals(direct, new ParsedDefaults(store).read(file, warnings, schema));
        assertEquals(List.of(), warnings);
        assertTrue(Files.isRegularFile(store));
        assertEquals(direct, new ParsedDefaults(store).read(file, warnings, schema));

        // the kept read is used: a schema said to be read from the same bundles is taken to be the same
        assertEquals(direct, new ParsedDefaults(store).read(file, warnings, NO_KEYS.readFrom("bundles of run 1")));
        assertEquals(List.of(), warnings);
    }

    @Test
    public void anEditedFileOrOtherBundlesAreReadAgain() throws Exception {
        Schema schema = ShippedSchema.get().readFrom("bundles of run 1");
        ParsedDefaults defaults = new ParsedDefaults(store);
        defaults.read(file, new ArrayList<>(), schema);

        Files.writeString(file, Files.readString(file).replace("renames = true", "renames = false"));
        List<Setting> edited = TomlReader.read(file, Rung.DEFAULTS, new ArrayList<>(), schema);
        assertTrue(edited.contains(new Setting("scanner.renames", false, Rung.DEFAULTS, file.toString())));
        assertEquals(edited, defaults.read(file, new ArrayList<>(), schema));
        assertEquals(edited, new ParsedDefaults(store).read(file, new ArrayList<>(), schema));

        List<String> expectedWarnings = new ArrayList<>();
        List<Setting> other = TomlReader.read(file, Rung.DEFAULTS, expectedWarnings, NO_KEYS);
        List<String> warnings = new ArrayList<>();
        assertEquals(other, new ParsedDefaults(store).read(file, warnings, NO_KEYS.readFrom("bundles of run 2")));
        assertFalse(expectedWarnings.isEmpty());
        assertEquals(expectedWarnings, warnings);
    }

    @Test
    public void malformedTomlGetsTheReadersMessageAndNothingIsKept() throws Exception {
        Files.writeString(file, "[scanner]\nrenames = \n");
        String expected;
        try {
            TomlReader.read(file, Rung.DEFAULTS, new ArrayList<>(), ShippedSchema.get());
            fail("read " + file);
            return;
        } catch (ConfigException e) {
            expected = e.getMessage();
        }
        try {
            new ParsedDefaults(store).read(file, new ArrayList<>(), ShippedSchema.get().readFrom("bundles"));
            fail("read " + file);
        } catch (ConfigException e) {
            assertEquals(expected, e.getMessage());
        }
        assertFalse(Files.exists(store));
    }

    @Test
    public void aReadWithWarningsOrOfAnUnknownSchemaIsNotKept() throws Exception {
        new ParsedDefaults(store).read(file, new ArrayList<>(), ShippedSchema.get());
        assertFalse(Files.exists(store));

        Files.writeString(file, "[scanner]\nrenames = false\nrenamez = true\n");
        List<String> warnings = new ArrayList<>();
        new ParsedDefaults(store).read(file, warnings, ShippedSchema.get().readFrom("bundles"));
        assertEquals(1, warnings.size());
        assertFalse(Files.exists(store));
    }

    @Test
    public void anUnreadableKeptReadIsReadOverAndWrittenAgain() throws Exception {
        Schema schema = ShippedSchema.get().readFrom("bundles");
        List<Setting> direct = TomlReader.read(file, Rung.DEFAULTS, new ArrayList<>(), schema);
        new ParsedDefaults(store).read(file, new ArrayList<>(), schema);
        byte[] kept = Files.readAllBytes(store);

        Files.write(store, java.util.Arrays.copyOf(kept, kept.length / 2));
        assertEquals(direct, new ParsedDefaults(store).read(file, new ArrayList<>(), schema));
        Files.writeString(store, "garbage");
        assertEquals(direct, new ParsedDefaults(store).read(file, new ArrayList<>(), schema));
        assertEquals(direct, new ParsedDefaults(store).read(file, new ArrayList<>(), NO_KEYS.readFrom("bundles")));
    }
}
