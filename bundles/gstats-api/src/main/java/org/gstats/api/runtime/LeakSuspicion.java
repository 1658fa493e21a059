package org.gstats.api.runtime;

/**
 * Heap in use after garbage collection that rose at each of the last {@code collections}
 * collections, from {@code fromBytes} to {@code toBytes}: a trend, not a single spike.
 */
public record LeakSuspicion(int collections, long fromBytes, long toBytes) {
}
