package org.gstats.api.report;

/** The one rule for values in a report, so that every writer can render every value. */
final class Values {

    private Values() {
    }

    static void check(Object value) {
        if (value != null && !(value instanceof String) && !(value instanceof Number)
                && !(value instanceof Boolean)) {
            throw new IllegalArgumentException("report values are strings, numbers, booleans or null, not "
                    + value.getClass().getName());
        }
    }
}
