package org.gstats.engine.internal;

import java.util.List;
import java.util.function.Consumer;

import org.gstats.api.Analysis;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.runtime.QueueMessage;

/**
 * Scanner events on their way to a plugin, in scan order, with the memory they keep alive: content
 * counts its bytes, the rest their text (two bytes a character) over an object's overhead. Each
 * step's {@code name} says what the plugin does with it, for a message about a failure in that
 * step ("while {@code name}"). Consecutive events travel as one message ({@link ScanRun} holds
 * them): with a message an event, waking a plugin's thread for each took a quarter of the plugins'
 * CPU in a rescan of commons-lang.
 */
record QueuedEvent(List<Step> steps, long estimatedBytes) implements QueueMessage {

    /** One event: what the plugin does with it, and the call. */
    record Step(String name, Consumer<Analysis> action) {
    }

    QueuedEvent {
        steps = List.copyOf(steps);
    }

    QueuedEvent(String step, Consumer<Analysis> action, long estimatedBytes) {
        this(List.of(new Step(step, action)), estimatedBytes);
    }

    private static final long OBJECT = 64;

    static long size(CommitInfo commit) {
        return OBJECT * 4 + chars(commit.id(), commit.authorName(), commit.authorEmail(), commit.committerName(),
                commit.committerEmail(), commit.summary()) + commit.parentIds().size() * (OBJECT + 80);
    }

    static long size(FileChange change) {
        return OBJECT * 2 + chars(change.path(), change.oldPath());
    }

    static long size(FileInfo file) {
        return OBJECT + chars(file.path());
    }

    static long size(FileContent content) {
        return OBJECT * 2 + content.length() + chars(content.path(), content.commitId());
    }

    private static long chars(String... texts) {
        long total = 0;
        for (String text : texts) {
            total += text == null ? 0 : 2L * text.length();
        }
        return total;
    }
}
