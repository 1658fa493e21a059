package org.gstats.config.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gstats.config.api.ConfigRequest;
import org.gstats.config.api.EffectiveConfiguration;
import org.gstats.config.api.Rung;
import org.gstats.config.api.Setting;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DefaultsFileTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void theDefaultsFileReadsBackToEveryDefault() throws Exception {
        Path file = folder.newFile("gstats.toml").toPath();
        Files.writeString(file, DefaultsFile.render(ShippedSchema.get()), StandardCharsets.UTF_8);
        List<String> warnings = new ArrayList<>();
        List<Setting> settings = TomlReader.read(file, Rung.DEFAULTS, warnings, ShippedSchema.get());
        assertTrue(warnings.toString(), warnings.isEmpty());
        assertEquals(ShippedSchema.get().ids(), settings.stream().map(Setting::key).toList());
        for (Setting setting : settings) {
            assertEquals(setting.key(), ShippedSchema.get().key(setting.key()).orElseThrow().defaultValue(), setting.value());
        }
    }

    /** conf/gstats.toml ships from config/; regenerate it with {@code gstats config --defaults}. */
    @Test
    public void theShippedDefaultsFileIsTheGeneratedOne() throws Exception {
        Path shipped = Path.of(System.getProperty("gstats.config.dir"), "gstats.toml");
        assertEquals("config/gstats.toml is out of date: gstats config --defaults > config/gstats.toml",
                DefaultsFile.render(ShippedSchema.get()), Files.readString(shipped, StandardCharsets.UTF_8));
    }

    /** The reference table of docs/configuration.md, between its two markers, is generated from the schema. */
    @Test
    public void theDocumentedReferenceIsTheGeneratedOne() throws Exception {
        String docs = Files.readString(Path.of(System.getProperty("gstats.config.dir"), "..", "docs",
                "configuration.md"), StandardCharsets.UTF_8);
        int start = docs.indexOf(REFERENCE_START);
        int end = docs.indexOf(REFERENCE_END);
        assertTrue("docs/configuration.md has no reference markers", start >= 0 && end > start);
        assertEquals("the reference in docs/configuration.md is out of date: put DefaultsFile.reference() "
                + "between its markers", DefaultsFile.reference(ShippedSchema.get()),
                docs.substring(docs.indexOf('\n', start) + 1, end));
    }

    private static final String REFERENCE_START = "<!-- reference:";
    private static final String REFERENCE_END = "<!-- end of reference -->";

    @Test
    public void theEffectiveConfigurationNamesEachKeysRung() throws Exception {
        Sources sources = new Sources(Map.of("GSTATS_FORMAT", "csv"), folder.getRoot().toPath().resolve("none.toml"),
                null, null, Map.of());
        EffectiveConfiguration configuration = new Resolver(sources, ShippedSchema::get).resolve(new ConfigRequest(null, Map.of()));
        String shown = DefaultsFile.effective(configuration, ShippedSchema.get());
        assertTrue(shown, shown.startsWith("[base]\nverbose = false"));
        assertTrue(shown, shown.lines().anyMatch(line -> line.matches(
                "format = \"csv\" +# environment \\(GSTATS_FORMAT\\)")));
        assertTrue(shown, shown.lines().anyMatch(line -> line.matches(
                "renames = true +# defaults \\(built in\\)")));
    }
}
