package org.gstats.scanner.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;

/**
 * A repository's mailmap, read and applied as git reads and applies it (see gitmailmap(5)):
 * the work tree's {@code .mailmap} (in a bare repository {@code HEAD:.mailmap}), then the
 * blob {@code mailmap.blob} and the file {@code mailmap.file} name, later entries replacing
 * earlier ones. Emails and names match without regard to ASCII case; an entry naming the
 * old name as well as the old email wins over one naming the email only.
 */
final class Mailmap {

    /** A person as a commit records them, or as the mailmap maps them. */
    record Identity(String name, String email) {
    }

    /** The identities are kept as recorded. */
    static final Mailmap NONE = new Mailmap();

    /** What an email maps to, and per old name what that name with this email maps to. */
    private static final class Entry {
        String name;
        String email;
        final Map<String, String[]> byName = new HashMap<>();
    }

    private final Map<String, Entry> byEmail = new HashMap<>();
    /** Every text parsed, in order: what the mapping is made of, for its {@link #fingerprint}. */
    private final List<String> texts = new ArrayList<>();

    private Mailmap() {
    }

    static Mailmap read(Repository repository, ObjectReader reader) throws IOException {
        Mailmap mailmap = new Mailmap();
        StoredConfig config = repository.getConfig();
        String blob = config.getString("mailmap", null, "blob");
        if (repository.isBare()) {
            if (blob == null) {
                blob = Constants.HEAD + ":.mailmap";
            }
        } else {
            mailmap.parseFile(repository.getWorkTree().toPath().resolve(".mailmap"));
        }
        if (blob != null) {
            ObjectId id = repository.resolve(blob);
            if (id != null) {
                mailmap.parse(new String(reader.open(id, Constants.OBJ_BLOB).getCachedBytes(), StandardCharsets.UTF_8));
            }
        }
        String file = config.getString("mailmap", null, "file");
        if (file != null) {
            Path path;
            if (file.startsWith("~/")) {
                path = Path.of(System.getProperty("user.home"), file.substring(2));
            } else {
                path = repository.isBare() ? Path.of(file) : repository.getWorkTree().toPath().resolve(file);
            }
            mailmap.parseFile(path);
        }
        return mailmap;
    }

    Identity map(String name, String email) {
        Entry entry = byEmail.get(foldCase(email));
        if (entry == null) {
            return new Identity(name, email);
        }
        String[] byName = entry.byName.get(foldCase(name));
        String newName = byName != null ? byName[0] : entry.name;
        String newEmail = byName != null ? byName[1] : entry.email;
        return new Identity(newName == null ? name : newName, newEmail == null ? email : newEmail);
    }

    private void parseFile(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            parse(Files.readString(file, StandardCharsets.UTF_8));
        }
    }

    /**
     * SHA-256 of the texts the mapping was read from, in order: two mailmaps with the same
     * fingerprint map every identity alike, so identities a scan made under one are those the other
     * would make (a stored walk's, {@code ChangeCache.walked}).
     */
    String fingerprint() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String text : texts) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                // each text after its length: two lists of texts never give the same bytes
                sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(utf8.length).array());
                sha256.update(utf8);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private void parse(String text) {
        texts.add(text);
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#")) {
                continue;
            }
            Parsed first = nameAndEmail(line, 0, false);
            if (first == null) {
                continue;
            }
            Parsed second = first.rest() < line.length() ? nameAndEmail(line, first.rest(), true) : null;
            if (second == null) {
                add(first.name(), first.email(), null, null);
            } else {
                add(first.name(), first.email(), second.name(), second.email());
            }
        }
    }

    private record Parsed(String name, String email, int rest) {
    }

    /** {@code Name <email>} from {@code from} on; the name is trimmed and {@code null} when empty. */
    private static Parsed nameAndEmail(String line, int from, boolean allowEmptyEmail) {
        int left = line.indexOf('<', from);
        if (left < 0) {
            return null;
        }
        int right = line.indexOf('>', left + 1);
        if (right < 0 || !allowEmptyEmail && right == left + 1) {
            return null;
        }
        String name = trimAsciiSpace(line.substring(from, left));
        return new Parsed(name.isEmpty() ? null : name, line.substring(left + 1, right), right + 1);
    }

    private void add(String newName, String newEmail, String oldName, String oldEmail) {
        String email = oldEmail;
        String properEmail = newEmail;
        if (email == null) {
            email = newEmail;
            properEmail = null;
        }
        Entry entry = byEmail.computeIfAbsent(foldCase(email), key -> new Entry());
        if (oldName == null) {
            if (newName != null) {
                entry.name = newName;
            }
            if (properEmail != null) {
                entry.email = properEmail;
            }
        } else {
            entry.byName.put(foldCase(oldName), new String[] {newName, properEmail});
        }
    }

    /** git compares with strcasecmp: ASCII letters only. */
    private static String foldCase(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    private static String trimAsciiSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b';
    }
}
