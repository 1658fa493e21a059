package org.gstats.scanner.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.eclipse.jgit.util.RawParseUtils;

/**
 * Text of a commit's raw bytes as JGit decodes it, without JGit's decoder when every byte is
 * ASCII and the commit's encoding keeps ASCII as it is (UTF-8, US-ASCII, ISO-8859-1): then each
 * byte is its char, whatever the decoder. Nearly every commit is so, and the replay of a stored
 * history spends its time making these strings.
 */
final class RawText {

    private RawText() {
    }

    /** Whether bytes below 0x80 decode to the same chars under the encoding. */
    static boolean keepsAscii(Charset encoding) {
        return encoding.equals(StandardCharsets.UTF_8) || encoding.equals(StandardCharsets.US_ASCII)
                || encoding.equals(StandardCharsets.ISO_8859_1);
    }

    static boolean isAscii(byte[] raw, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@link RawParseUtils#decode(Charset, byte[], int, int)}'s text of {@code raw[from, to)}. */
    static String decode(Charset encoding, byte[] raw, int from, int to) {
        if (keepsAscii(encoding) && isAscii(raw, from, to)) {
            return new String(raw, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return RawParseUtils.decode(encoding, raw, from, to);
    }
}
