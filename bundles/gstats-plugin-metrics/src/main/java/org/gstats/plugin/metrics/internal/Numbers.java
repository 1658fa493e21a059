package org.gstats.plugin.metrics.internal;

/** Rounding for report values, so that equal inputs print equal numbers on every platform. */
final class Numbers {

    private Numbers() {
    }

    /** {@code value} rounded half up to {@code digits} decimals. */
    static double round(double value, int digits) {
        return java.math.BigDecimal.valueOf(value).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code part / whole}, 0 when {@code whole} is 0. */
    static double ratio(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }
}
