package org.gstats.config.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.gstats.config.api.ConfigException;
import org.gstats.config.api.Rung;
import org.gstats.config.api.Setting;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Configuration files that are not what they should be: binary, in another encoding, full of unknown keys. */
public class TomlReaderTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void binaryFileMustBeUtf8Text() throws IOException {
        Path file = folder.getRoot().toPath().resolve("gstats.toml");
        Files.write(file, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, (byte) 0xff, (byte) 0xfe, 3});

        assertNotUtf8(file);
    }

    @Test
    public void latin1FileMustBeUtf8Text() throws IOException {
        Path file = folder.getRoot().toPath().resolve("gstats.toml");
        Files.write(file, "[scanner]\n# café\n".getBytes(StandardCharsets.ISO_8859_1));

        assertNotUtf8(file);
    }

    @Test
    public void textWithNulBytesIsNotAConfigurationFile() throws IOException {
        Path file = folder.getRoot().toPath().resolve("gstats.toml");
        Files.write(file, "[scanner]\n\0\0\0".getBytes(StandardCharsets.UTF_8));

        assertNotUtf8(file);
    }

    @Test
    public void unknownKeysAreListedUpToTwentyThenCounted() throws Exception {
        Path file = junk(5_000);
        List<String> warnings = new ArrayList<>();

        List<Setting> settings = TomlReader.read(file, Rung.USER, warnings, ShippedSchema.get());

        assertEquals(1, settings.size());
        assertEquals(21, warnings.size());
        assertEquals(file + ":4: unknown key junk.key0 is ignored (did you mean " + Nearest.to("junk.key0",
                ShippedSchema.get().ids()) + "?)", warnings.get(0));
        assertTrue(warnings.get(19), warnings.get(19).contains(": unknown key junk.key19 is ignored"));
        assertEquals(file + ": 4980 more unknown keys are ignored (5000 in all; gstats config --defaults lists the "
                + "keys there are)", warnings.get(20));
    }

    @Test
    public void aFileOfMegabytesIsRefusedBeforeItIsParsed() throws Exception {
        Path file = junk(200_000);

        try {
            TomlReader.read(file, Rung.USER, new ArrayList<>(), ShippedSchema.get());
            fail("read " + file);
        } catch (ConfigException e) {
            assertEquals(file + ": 3.6 MB is more than a configuration file may hold (256 KB): is it the right file? "
                    + "(move it away to scan without it)", e.getMessage());
        }
    }

    /** At the limit exactly, a file of unknown keys is read: twenty named, the rest counted in one line. */
    @Test
    public void aFileAtTheLimitWarnsTwentyKeysThenOneCount() throws Exception {
        Path file = junk(100_000);
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.lastIndexOf('\n', 256 << 10) + 1));
        long keys = Files.readAllLines(file).size() - 3;
        assertTrue(Files.size(file) <= 256 << 10 && Files.size(file) > (256 << 10) - 32);
        List<String> warnings = new ArrayList<>();

        List<Setting> settings = TomlReader.read(file, Rung.PROJECT, warnings, ShippedSchema.get());

        assertEquals(1, settings.size());
        assertEquals(21, warnings.size());
        assertEquals(file + ": " + (keys - 20) + " more unknown keys are ignored (" + keys + " in all; gstats config "
                + "--defaults lists the keys there are)", warnings.get(20));

        Files.writeString(file, "#".repeat((256 << 10) - (int) Files.size(file) + 1), StandardOpenOption.APPEND);
        try {
            TomlReader.read(file, Rung.PROJECT, new ArrayList<>(), ShippedSchema.get());
            fail("read " + file + " of " + Files.size(file) + " bytes");
        } catch (ConfigException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("more than a configuration file may hold (256 KB)"));
        }
    }

    /** A file with one known key and {@code keys} unknown ones. */
    private Path junk(int keys) throws IOException {
        StringBuilder toml = new StringBuilder("[scanner]\nrenames = false\n[junk]\n");
        for (int i = 0; i < keys; i++) {
            toml.append("key").append(i).append(" = ").append(i).append('\n');
        }
        return Files.writeString(folder.getRoot().toPath().resolve("gstats.toml"), toml);
    }

    private static void assertNotUtf8(Path file) {
        try {
            TomlReader.read(file, Rung.USER, new ArrayList<>(), ShippedSchema.get());
            fail("read " + file);
        } catch (ConfigException e) {
            assertEquals(file + ": not a configuration file: it must be UTF-8 text (TOML), and this is binary or in "
                    + "another encoding (fix the file, or move it away to scan without it)", e.getMessage());
        }
    }
}
