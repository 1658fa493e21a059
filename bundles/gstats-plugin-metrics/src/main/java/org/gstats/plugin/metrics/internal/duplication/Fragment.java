package org.gstats.plugin.metrics.internal.duplication;

/** One copy of a clone: a file's line range and its length in tokens. */
public record Fragment(String path, int startLine, int endLine, int tokens) {

    public int lines() {
        return endLine - startLine + 1;
    }
}
