package org.gstats.plugin.metrics.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.gstats.plugin.metrics.internal.complexity.FileComplexity;
import org.gstats.plugin.metrics.internal.complexity.FunctionComplexity;
import org.gstats.plugin.metrics.internal.duplication.Fingerprints;
import org.gstats.plugin.metrics.internal.duplication.TokenSequence.Tokens;
import org.gstats.plugin.metrics.internal.format.BinaryKind;
import org.gstats.plugin.metrics.internal.format.Category;
import org.gstats.plugin.metrics.internal.format.FileFormat;
import org.gstats.plugin.metrics.internal.format.Language;
import org.gstats.plugin.metrics.internal.format.Languages;
import org.gstats.plugin.metrics.internal.text.LineCounts;

/**
 * What the analysis of one text file's content gave, as the store keeps it per blob
 * ({@link org.gstats.api.BlobResults}): the format, the line counts, clone detection's tokens
 * (source files only) and the complexity when it was run. Format detection reads the path as
 * well as the bytes, so the path is kept too and a result is used for that path only.
 *
 * <p>The tokens' {@link Fingerprints} are kept beside them, and read without them: with them a rescan
 * tells which unchanged files a changed one can share clones with ({@code DuplicationProcessor}).
 *
 * <p>Encoded by hand, field by field, and deflated: token values repeat (keywords,
 * punctuation, the file's identifiers) and their lines climb by small steps, so the tokens take
 * about two bytes each instead of the twelve they take in memory. {@link #FORMAT} names this
 * encoding in the analyser's name, so a new encoding never reads an old one.
 *
 * @param tokens     null when the file is not source code
 * @param fingerprints the tokens' {@link Fingerprints}; null when the file is not source code
 * @param complexity what complexity analysis gave, or null when it gave nothing
 * @param complexityRun whether complexity analysis ran (it runs only for counted files, when on)
 */
record StoredFileResult(String path, FileFormat format, LineCounts counts, Tokens tokens, int[] fingerprints,
        boolean complexityRun, FileComplexity complexity) {

    /**
     * The encoding's version, part of the analyser's name. 2: the tokens last, so that a scan that
     * does not need them (its clones are kept, {@link KeptClones}) stops before them. 3: their
     * fingerprints before them.
     */
    static final int FORMAT = 3;

    StoredFileResult {
        if ((tokens == null) != (fingerprints == null)) {
            throw new IllegalArgumentException("a source file's tokens come with their fingerprints, and only then");
        }
    }

    /** What {@link #decode(byte[], boolean)} gives for tokens that were kept but not read. */
    static final Tokens NOT_READ = new Tokens(new int[0], new int[0], new int[0]);

    private static final String NONE = "";

    /** The encoded result; {@code null} when it cannot be encoded (a name over 64 KB), so is not kept. */
    byte[] encode() {
        try {
            return DeflatedValues.deflated(out -> {
                out.writeUTF(path);
                out.writeUTF(format.language() == null ? NONE : format.language().name());
                out.writeByte(format.category().ordinal());
                out.writeByte(format.binaryKind() == null ? -1 : format.binaryKind().ordinal());
                out.writeDouble(format.confidence());
                writeVarint(out, counts.code());
                writeVarint(out, counts.comment());
                writeVarint(out, counts.blank());
                out.writeBoolean(complexityRun);
                out.writeBoolean(complexity != null);
                if (complexity != null) {
                    writeComplexity(out);
                }
                writeTokens(out);
            });
        } catch (IOException e) {
            return null;
        }
    }

    private void writeTokens(DataOutputStream out) throws IOException {
        out.writeBoolean(tokens != null);
        if (tokens == null) {
            return;
        }
        writeVarint(out, fingerprints.length);
        for (int fingerprint : fingerprints) {
            out.writeInt(fingerprint);
        }
        int count = tokens.values().length;
        writeVarint(out, count);
        for (int value : tokens.values()) {
            out.writeInt(value);
        }
        // lines only climb: each token's start from the previous token's end, its end from its start
        int line = 0;
        for (int i = 0; i < count; i++) {
            writeVarint(out, tokens.startLines()[i] - line);
            writeVarint(out, tokens.endLines()[i] - tokens.startLines()[i]);
            line = tokens.endLines()[i];
        }
    }

    private void writeComplexity(DataOutputStream out) throws IOException {
        out.writeUTF(complexity.language());
        writeVarint(out, complexity.cyclomatic());
        writeVarint(out, complexity.cognitive());
        writeVarint(out, complexity.maxNesting());
        writeVarint(out, complexity.functions().size());
        for (FunctionComplexity f : complexity.functions()) {
            out.writeUTF(f.name());
            writeVarint(out, f.startLine());
            writeVarint(out, f.endLine());
            writeVarint(out, f.cyclomatic());
            writeVarint(out, f.cognitive());
            writeVarint(out, f.maxNesting());
            writeVarint(out, f.parameters());
            writeVarint(out, f.lines());
        }
    }

    /**
     * Reads what {@link #encode} wrote; {@code null} when the bytes are not such a result (the
     * caller then analyses the file again).
     */
    static StoredFileResult decode(byte[] encoded) {
        return decode(encoded, true);
    }

    /**
     * As {@link #decode(byte[])}; without tokens, kept tokens are {@link #NOT_READ}: their bytes are
     * only inflated, which checks the value's checksum, so that a damaged value is not used.
     */
    static StoredFileResult decode(byte[] encoded, boolean withTokens) {
        try (DataInputStream in = DeflatedValues.inflated(encoded)) {
            String path = in.readUTF();
            String languageName = in.readUTF();
            Language language = languageName.equals(NONE) ? null : Languages.byName(languageName).orElse(null);
            if (!languageName.equals(NONE) && language == null) {
                return null;
            }
            Category category = Category.values()[in.readByte()];
            int kind = in.readByte();
            FileFormat format = new FileFormat(language, category, kind < 0 ? null : BinaryKind.values()[kind],
                    in.readDouble());
            LineCounts counts = new LineCounts(readVarint(in), readVarint(in), readVarint(in));
            boolean complexityRun = in.readBoolean();
            FileComplexity complexity = in.readBoolean() ? readComplexity(in) : null;
            Tokens tokens = null;
            int[] fingerprints = null;
            if (in.readBoolean()) {
                fingerprints = new int[readVarint(in)];
                for (int i = 0; i < fingerprints.length; i++) {
                    fingerprints[i] = in.readInt();
                }
                tokens = withTokens ? readTokens(in) : NOT_READ;
            }
            return new StoredFileResult(path, format, counts, tokens, fingerprints, complexityRun, complexity);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Tokens readTokens(DataInputStream in) throws IOException {
        int count = readVarint(in);
        int[] values = new int[count];
        int[] startLines = new int[count];
        int[] endLines = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readInt();
        }
        int line = 0;
        for (int i = 0; i < count; i++) {
            startLines[i] = line + readVarint(in);
            endLines[i] = startLines[i] + readVarint(in);
            line = endLines[i];
        }
        return new Tokens(values, startLines, endLines);
    }

    private static FileComplexity readComplexity(DataInputStream in) throws IOException {
        String language = in.readUTF();
        int cyclomatic = readVarint(in);
        int cognitive = readVarint(in);
        int maxNesting = readVarint(in);
        int size = readVarint(in);
        List<FunctionComplexity> functions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            functions.add(new FunctionComplexity(in.readUTF(), readVarint(in), readVarint(in), readVarint(in),
                    readVarint(in), readVarint(in), readVarint(in), readVarint(in)));
        }
        return new FileComplexity(language, functions, cyclomatic, cognitive, maxNesting);
    }

    /** Zig-zag, so that a negative figure (none is expected) still round-trips. */
    static void writeVarint(DataOutputStream out, int value) throws IOException {
        int bits = (value << 1) ^ (value >> 31);
        while ((bits & ~0x7F) != 0) {
            out.writeByte((bits & 0x7F) | 0x80);
            bits >>>= 7;
        }
        out.writeByte(bits);
    }

    static int readVarint(DataInputStream in) throws IOException {
        int bits = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            bits |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (bits >>> 1) ^ -(bits & 1);
            }
        }
        throw new IOException("a malformed number");
    }
}
