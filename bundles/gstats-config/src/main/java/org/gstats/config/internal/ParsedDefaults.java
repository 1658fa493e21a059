package org.gstats.config.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gstats.config.api.ConfigException;
import org.gstats.config.api.Rung;
import org.gstats.config.api.Setting;

/**
 * The installation's defaults file as an earlier read found it, so that a start need not run
 * tomlj's parser, which in a new JVM takes longer than the rest of the configuration's start
 * (docs/performance.md). A read is kept with the file's whole text and what the schema was read
 * from ({@link Schema#source()}: the installed bundles, gstats-config among them, each by id and
 * time of change), and used only when both are the same to the character (a digest of them, the
 * JDK's SHA-256, cost some 20 ms of a start in a new JVM: its provider's start and its code
 * interpreted), in memory and in {@code store} (the bundle's data area,
 * which the framework cache keeps between runs); anything else, such as an edited file, another
 * bundle or a schema of unknown source, is read by {@link TomlReader} as before. Only reads
 * without warnings are kept, so that every message about a file comes from reading it.
 */
final class ParsedDefaults {

    /** The file in the bundle's data area. */
    static final String FILE = "parsed-defaults";
    /** Changed whenever what is written changes. */
    private static final int FORMAT = 2;
    private static final byte BOOLEAN = 'b';
    private static final byte LONG = 'l';
    private static final byte DOUBLE = 'd';
    private static final byte TEXT = 's';
    private static final byte TEXTS = 'L';

    private final Path store;
    private String key;
    private List<Map.Entry<String, Object>> values;

    /** @param store where reads are kept between runs, or {@code null} to keep them in memory only */
    ParsedDefaults(Path store) {
        this.store = store;
    }

    /** What {@link TomlReader#read(Path, Rung, List, Schema)} gives for the defaults file. */
    synchronized List<Setting> read(Path file, List<String> warnings, Schema schema) throws ConfigException {
        String text = TomlReader.text(file);
        String wanted = schema.source() == null ? null : key(schema.source(), text);
        if (wanted != null && !wanted.equals(key) && store != null) {
            load(wanted);
        }
        if (wanted != null && wanted.equals(key)) {
            List<Setting> settings = new ArrayList<>();
            values.forEach(value -> settings.add(new Setting(value.getKey(), value.getValue(), Rung.DEFAULTS,
                    file.toString())));
            return settings;
        }
        int before = warnings.size();
        List<Setting> settings = TomlReader.read(file, text, Rung.DEFAULTS, warnings, schema);
        if (wanted != null && warnings.size() == before) {
            keep(wanted, settings);
        }
        return settings;
    }

    /** What a kept read is kept for, whole. */
    private static String key(String source, String text) {
        return source + "\n" + text;
    }

    /** Takes the stored read when it is the one wanted; a missing, other or unreadable one is no read. */
    private void load(String wanted) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(store);
        } catch (IOException e) {
            // none yet, or one that cannot be read: the defaults file is read
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != FORMAT || !readLongText(in).equals(wanted)) {
                return;
            }
            int count = in.readInt();
            List<Map.Entry<String, Object>> read = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                read.add(Map.entry(in.readUTF(), readValue(in)));
            }
            if (in.read() != -1) {
                return;
            }
            key = wanted;
            values = List.copyOf(read);
        } catch (IOException | RuntimeException e) {
            // a truncated or foreign file: read the defaults file and write it again
        }
    }

    private void keep(String wanted, List<Setting> settings) {
        List<Map.Entry<String, Object>> kept = new ArrayList<>(settings.size());
        settings.forEach(setting -> kept.add(Map.entry(setting.key(), setting.value())));
        key = wanted;
        values = List.copyOf(kept);
        if (store == null) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            writeLongText(out, wanted);
            out.writeInt(kept.size());
            for (Map.Entry<String, Object> value : kept) {
                out.writeUTF(value.getKey());
                writeValue(out, value.getValue());
            }
        } catch (IOException | IllegalArgumentException e) {
            // a value this format does not hold, or a text too long for it: kept in memory only
            return;
        }
        // written beside and moved into place, so that a run killed meanwhile leaves no half of it
        Path part = store.resolveSibling(FILE + ".part");
        try {
            Files.createDirectories(store.getParent());
            Files.write(part, bytes.toByteArray());
            Files.move(part, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // kept in memory only; the next run reads the file again
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // nothing more to do: the framework cache empties the data area when its slot is taken
            }
        }
    }

    /** A text of any length (writeUTF takes 64 KB at most). */
    private static void writeLongText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLongText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a text longer than the file");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof Long n) {
            out.writeByte(LONG);
            out.writeLong(n);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof String s) {
            out.writeByte(TEXT);
            out.writeUTF(s);
        } else if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            out.writeByte(TEXTS);
            out.writeInt(list.size());
            for (Object element : list) {
                out.writeUTF((String) element);
            }
        } else {
            throw new IllegalArgumentException(value.getClass().getName());
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case BOOLEAN:
                return in.readBoolean();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case TEXT:
                return in.readUTF();
            case TEXTS:
                int size = in.readInt();
                List<String> texts = new ArrayList<>(Math.min(size, 1024));
                for (int i = 0; i < size; i++) {
                    texts.add(in.readUTF());
                }
                return List.copyOf(texts);
            default:
                throw new IOException("unknown value tag " + tag);
        }
    }
}
