package org.gstats.plugin.export.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one reading of report values that every format shares, so that all formats carry the
 * same data: integers become {@link Long} or {@link BigInteger}, other numbers {@link Double} or
 * {@link BigDecimal} (NaN and infinities, which JSON cannot carry, {@code null}), and text
 * loses what UTF-8 cannot encode.
 */
final class ReportValues {

    private static final char REPLACEMENT = '\uFFFD';

    private ReportValues() {
    }

    /** The value as every writer renders it: {@code null}, String, Boolean, Long, BigInteger, Double or BigDecimal. */
    static Object normalize(Object value) {
        if (value instanceof String text) {
            return text(text);
        }
        if (value instanceof Double number) {
            return Double.isFinite(number) ? number : null;
        }
        if (value instanceof Float number) {
            // via its own decimal text, so that 0.1f stays 0.1 and does not become 0.10000000149011612
            return Float.isFinite(number) ? Double.valueOf(Float.toString(number)) : null;
        }
        if (value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal
                || value instanceof Boolean || value == null) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof AtomicInteger || value instanceof AtomicLong) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number number) {
            BigDecimal decimal = new BigDecimal(number.toString());
            return decimal.scale() <= 0 ? decimal.toBigIntegerExact() : decimal;
        }
        throw new IllegalArgumentException("not a report value: " + value.getClass().getName());
    }

    /** A normalized number as every text format writes it, e.g. {@code 12}, {@code 0.25}, {@code 1.0E10}. */
    static String numberText(Object normalizedNumber) {
        return normalizedNumber.toString();
    }

    /**
     * The text with each unpaired surrogate (half of an emoji, say) replaced by U+FFFD, the one
     * character that UTF-8 cannot encode; everything else is kept.
     */
    static String text(String text) {
        int bad = firstUnpairedSurrogate(text, 0);
        if (bad < 0) {
            return text;
        }
        StringBuilder fixed = new StringBuilder(text.length());
        int from = 0;
        while (bad >= 0) {
            fixed.append(text, from, bad).append(REPLACEMENT);
            from = bad + 1;
            bad = firstUnpairedSurrogate(text, from);
        }
        return fixed.append(text, from, text.length()).toString();
    }

    private static int firstUnpairedSurrogate(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
