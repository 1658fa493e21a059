package org.gstats.plugin.metrics.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gstats.api.BlobResults;
import org.gstats.plugin.metrics.internal.duplication.CloneDetector;
import org.gstats.plugin.metrics.internal.duplication.CloneGroup;
import org.gstats.plugin.metrics.internal.duplication.Fragment;

/**
 * Clone detection's result over a whole head, kept through {@link BlobResults} under the head
 * commit's id, so that a rescan does not detect its clones again. Which files reach the detection
 * depends on the head's tree, the settings and what the scan delivered; so the result is kept with
 * the SHA-256 of exactly what it was computed from (each file's path and blob id, in path order: a
 * blob's tokens are a function of its bytes and path) and used only when this scan's inputs give
 * the same digest. That digest, not the commit, is what makes it exact: a new head whose source
 * files are the same (new commits that change other files) takes over the result kept under the
 * latest stored scan's head ({@link BlobResults#storedHeadId()}) and keeps it under its own. The
 * settings that shape the detection itself are in the analyser's name.
 *
 * <p>Encoded by hand and deflated, as {@link StoredFileResult}; {@link #FORMAT} is part of the
 * analyser's name.
 */
final class KeptClones {

    /** The encoding's version, part of the analyser's name. */
    static final int FORMAT = 1;

    private static final int DIGEST_BYTES = 32;

    private final BlobResults results;
    private final String analyser;
    private final String headId;
    /**
     * What was kept for this head when the analysis began, else for the latest stored scan's head;
     * null for nothing.
     */
    private final byte[] kept;
    /** Whether {@link #kept} was kept under another head, so is to be kept under this one when used. */
    private final boolean carried;

    /**
     * @param fileAnalyser the per-blob results' analyser name, or null when nothing is kept
     * @param headId       the scan's head commit, or null for none (then nothing is kept)
     */
    KeptClones(BlobResults results, String fileAnalyser, String headId, int minTokens, int minLines) {
        this.results = results;
        this.analyser = fileAnalyser == null || headId == null ? null
                : fileAnalyser + " clones/" + FORMAT + " min-tokens=" + minTokens + " min-lines=" + minLines;
        this.headId = headId;
        byte[] own = analyser == null ? null : results.get(analyser, headId);
        String storedHead = own != null || analyser == null ? null : results.storedHeadId();
        this.carried = storedHead != null && !storedHead.equals(headId);
        this.kept = carried ? results.get(analyser, storedHead) : own;
    }

    /**
     * Whether a result is kept for this head or the latest stored one: then the files' tokens are
     * likely not needed (the inputs are known, and checked, only once every file came).
     */
    boolean likely() {
        return kept != null;
    }

    /**
     * The result kept for exactly these inputs; null when there is none, it was computed from
     * other inputs, or it cannot be read (then the clones are detected again). One kept under
     * another head is kept under this one too, for the next scan of it.
     *
     * @param inputs each file's blob id by path; null when a file came without one
     */
    CloneDetector.Result find(Map<String, String> inputs) {
        CloneDetector.Result result = kept == null || inputs == null ? null : decode(kept, digest(inputs));
        if (result != null && carried) {
            results.put(analyser, headId, kept);
        }
        return result;
    }

    /** Keeps the result computed from {@code inputs} for the next scan of this head. */
    void keep(Map<String, String> inputs, CloneDetector.Result result) {
        if (analyser == null || inputs == null) {
            return;
        }
        byte[] encoded = encode(digest(inputs), result);
        if (encoded != null) {
            results.put(analyser, headId, encoded);
        }
    }

    /** SHA-256 of the paths and blob ids in path order. */
    static byte[] digest(Map<String, String> inputs) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (Map.Entry<String, String> input : new TreeMap<>(inputs).entrySet()) {
            sha256.update(input.getKey().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(input.getValue().getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) '\n');
        }
        return sha256.digest();
    }

    /** Null when it cannot be encoded (a path over 64 KB), so is not kept. */
    static byte[] encode(byte[] digest, CloneDetector.Result result) {
        try {
            return DeflatedValues.deflated(out -> {
                out.write(digest);
                StoredFileResult.writeVarint(out, result.groups().size());
                for (CloneGroup group : result.groups()) {
                    StoredFileResult.writeVarint(out, group.id());
                    StoredFileResult.writeVarint(out, group.fragments().size());
                    for (Fragment fragment : group.fragments()) {
                        out.writeUTF(fragment.path());
                        StoredFileResult.writeVarint(out, fragment.startLine());
                        StoredFileResult.writeVarint(out, fragment.endLine());
                        StoredFileResult.writeVarint(out, fragment.tokens());
                    }
                }
                StoredFileResult.writeVarint(out, result.duplicatedLines().size());
                for (Map.Entry<String, Integer> file : result.duplicatedLines().entrySet()) {
                    out.writeUTF(file.getKey());
                    StoredFileResult.writeVarint(out, file.getValue());
                }
            });
        } catch (IOException e) {
            return null;
        }
    }

    /** What {@link #encode} wrote, when it was computed from inputs of this digest; else null. */
    static CloneDetector.Result decode(byte[] encoded, byte[] digest) {
        try (DataInputStream in = DeflatedValues.inflated(encoded)) {
            byte[] kept = new byte[DIGEST_BYTES];
            in.readFully(kept);
            if (!Arrays.equals(kept, digest)) {
                return null;
            }
            int groupCount = StoredFileResult.readVarint(in);
            List<CloneGroup> groups = new ArrayList<>(groupCount);
            for (int g = 0; g < groupCount; g++) {
                int id = StoredFileResult.readVarint(in);
                int fragmentCount = StoredFileResult.readVarint(in);
                List<Fragment> fragments = new ArrayList<>(fragmentCount);
                for (int f = 0; f < fragmentCount; f++) {
                    fragments.add(new Fragment(in.readUTF(), StoredFileResult.readVarint(in),
                            StoredFileResult.readVarint(in), StoredFileResult.readVarint(in)));
                }
                groups.add(new CloneGroup(id, fragments));
            }
            int fileCount = StoredFileResult.readVarint(in);
            Map<String, Integer> lines = new TreeMap<>();
            for (int f = 0; f < fileCount; f++) {
                lines.put(in.readUTF(), StoredFileResult.readVarint(in));
            }
            if (in.read() != -1) {
                return null;
            }
            return new CloneDetector.Result(groups, lines);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
