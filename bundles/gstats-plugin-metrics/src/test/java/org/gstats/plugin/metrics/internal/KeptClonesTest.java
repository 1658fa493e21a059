package org.gstats.plugin.metrics.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.gstats.plugin.metrics.internal.duplication.CloneDetector;
import org.gstats.plugin.metrics.internal.duplication.Fingerprints;
import org.gstats.plugin.metrics.internal.duplication.TokenSequence;
import org.gstats.plugin.metrics.internal.text.SourceScanner;
import org.gstats.plugin.metrics.internal.text.Syntax;
import org.gstats.plugin.metrics.internal.text.TextLines;
import org.junit.Test;

/**
 * A kept result, with the clones detected again among the files a change reaches, equals a detection over
 * every file: groups, duplicated lines and components, over two hundred random changes in a row, each
 * starting from the result the one before kept (encoded and read back), among files made of shared blocks
 * (clones, and windows shared without a clone) and code of their own.
 */
public class KeptClonesTest {

    private static final int MIN_TOKENS = 50;
    private static final int MIN_LINES = 3;

    /** A block of twelve lines, five tokens each; blocks of one kind share their windows, so join files. */
    private static String block(int kind, int variant) {
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 12; line++) {
            // a variant changes the last lines only: the first ten still share 50 tokens with the others
            text.append("int b").append(kind).append('_').append(line).append(" = ")
                    .append(line < 10 ? line : variant * 100 + line).append(";\n");
        }
        return text.toString();
    }

    private static String file(Random random, int own) {
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int part = 0; part < parts; part++) {
            if (random.nextInt(2) == 0) {
                text.append("own").append(own).append('_').append(part).append("();\n");
            } else {
                text.append(block(random.nextInt(20), random.nextInt(3)));
            }
        }
        return text.toString();
    }

    private static TokenSequence.Tokens tokens(String text) {
        char[] chars = text.toCharArray();
        TokenSequence sequence = new TokenSequence(chars);
        SourceScanner.scan(chars, TextLines.of(chars), Syntax.C_FAMILY, sequence);
        return sequence.tokens();
    }

    private static CloneDetector.Result detect(Map<String, String> texts, Set<String> only) {
        CloneDetector detector = new CloneDetector(MIN_TOKENS, MIN_LINES);
        texts.forEach((path, text) -> detector.add(path, tokens(text)));
        return detector.detect(only);
    }

    @Test
    public void changesInARowDetectedAgainWhereTheyReachEqualADetectionOverEveryFile() {
        Random random = new Random(20261208);
        Map<String, String> texts = new TreeMap<>();
        int made = 0;
        for (; made < 40; made++) {
            texts.put(String.format("src/f%03d.c", made), file(random, made));
        }
        Map<String, String> inputs = blobIds(texts);
        byte[] kept = KeptClones.encode(inputs, detect(texts, null));
        int detectedAgain = 0;
        int partly = 0;
        for (int round = 0; round < 200; round++) {
            List<String> paths = new ArrayList<>(texts.keySet());
            String some = paths.get(random.nextInt(paths.size()));
            int change = random.nextInt(4);
            if (change == 0 && texts.size() > 30) {
                texts.remove(some);
            } else if (change <= 1) {
                texts.put(String.format("src/f%03d.c", made), file(random, made++));
            } else {
                texts.put(some, file(random, made++));
            }
            Map<String, String> now = blobIds(texts);
            Map<String, int[]> prints = new HashMap<>();
            texts.forEach((path, text) -> prints.put(path, Fingerprints.of(tokens(text).values())));
            KeptClones.Previous previous = KeptClones.decode(kept, MIN_TOKENS);
            assertNotNull(previous);
            Set<String> again = previous.toDetectAgain(now, prints);
            CloneDetector.Result merged = previous.merged(again, detect(texts, again), now);
            assertEquals("round " + round, detect(texts, null), merged);
            detectedAgain += again.size();
            partly += again.size() < texts.size() ? 1 : 0;
            kept = KeptClones.encode(now, merged);
        }
        assertTrue(partly + " of 200 changes detected again in part", partly > 150);
        assertTrue(detectedAgain + " files detected again in 200 changes", detectedAgain < 200 * 15);
        assertTrue("clones among the files", !detect(texts, null).groups().isEmpty());
    }

    /** Each file's text as its blob id: what the kept result compares. */
    private static Map<String, String> blobIds(Map<String, String> texts) {
        Map<String, String> ids = new TreeMap<>();
        texts.forEach((path, text) -> ids.put(path, Integer.toHexString(text.hashCode()) + "-" + text.length()));
        return ids;
    }
}
