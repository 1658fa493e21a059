package org.gstats.logging.internal;

/** SLF4J's levels, least severe first. */
enum Level {
    TRACE, DEBUG, INFO, WARN, ERROR;

    boolean atLeast(Level threshold) {
        return compareTo(threshold) >= 0;
    }
}
