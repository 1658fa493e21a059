package org.gstats.engine.internal;

/**
 * A plugin ran out of memory, or memory became critical while it was busy: the scan stops with
 * one line that names the plugin and its step and says what to do. Thrown on the scan's
 * thread; the plugin's own thread has ended or been interrupted, and its analysis dropped.
 */
final class PluginOutOfMemory extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PluginOutOfMemory(String plugin, String step) {
        super("plugin " + plugin + " ran out of memory while " + step + "; "
                + ScanEngineImpl.OUT_OF_MEMORY_ADVICE + ", or leave the plugin out (--plugins without " + plugin + ")",
                null, false, false);
    }
}
