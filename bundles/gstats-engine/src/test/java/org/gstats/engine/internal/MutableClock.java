package org.gstats.engine.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, for cool-downs. */
final class MutableClock extends Clock {

    private Instant now = Instant.parse("2026-01-15T10:00:00Z");

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a fixed-zone test clock");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
