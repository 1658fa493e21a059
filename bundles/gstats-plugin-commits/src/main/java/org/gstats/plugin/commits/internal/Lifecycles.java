package org.gstats.plugin.commits.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gstats.api.ChangeType;
import org.gstats.api.FileChange;
import org.gstats.api.report.Table;

/**
 * The life of every path the history added, deleted or renamed, derived from the file changes:
 * when it was created, whether it was deleted, how often it came back after a deletion
 * (resurrected), where it was renamed from or to, and how many renames the file that holds it
 * went through. The scan runs newest first, so the events are kept (one small record per
 * addition, deletion or rename; modifications are not kept) and replayed oldest first.
 */
final class Lifecycles {

    private record Event(long commit, OffsetDateTime time, ChangeType type, String path, String oldPath) {
    }

    private static final class Life {
        OffsetDateTime created;
        OffsetDateTime deleted;
        boolean exists;
        boolean departedBefore;
        long resurrections;
        String renamedFrom;
        String renamedTo;
        long renames;
    }

    private final List<Event> events = new ArrayList<>();

    /** @param commit the ordinal of the change's commit in the scan, to tell commits apart */
    void add(long commit, OffsetDateTime time, FileChange change) {
        if (change.type() == ChangeType.ADDED || change.type() == ChangeType.DELETED
                || change.type() == ChangeType.RENAMED) {
            events.add(new Event(commit, time, change.type(), change.path(), change.oldPath()));
        }
    }

    /** The {@code lifecycle} table, one row per path, by path. */
    Table table() {
        Map<String, Life> lives = new TreeMap<>();
        int end = events.size();
        while (end > 0) {
            // One commit's events: departures first, so that a path vacated and taken again in
            // one commit ends up taken; a renamed file carries its count from before the commit.
            int start = end - 1;
            while (start > 0 && events.get(start - 1).commit() == events.get(end - 1).commit()) {
                start--;
            }
            List<Event> commit = events.subList(start, end);
            Map<String, Long> carried = new TreeMap<>();
            for (Event event : commit) {
                if (event.type() == ChangeType.DELETED) {
                    depart(lives, event.path(), event.time(), null);
                } else if (event.type() == ChangeType.RENAMED) {
                    carried.put(event.path(), life(lives, event.oldPath()).renames + 1);
                    depart(lives, event.oldPath(), event.time(), event.path());
                }
            }
            for (Event event : commit) {
                if (event.type() == ChangeType.ADDED) {
                    arrive(lives, event.path(), event.time(), null, 0);
                } else if (event.type() == ChangeType.RENAMED) {
                    arrive(lives, event.path(), event.time(), event.oldPath(), carried.get(event.path()));
                }
            }
            end = start;
        }
        Table.Builder table = Table.builder("lifecycle", "path", "status", "created", "deleted", "resurrections",
                "renamed_from", "renamed_to", "renames");
        lives.forEach((path, life) -> table.row(path, status(life), Times.iso(life.created),
                life.exists ? null : Times.iso(life.deleted), life.resurrections, life.renamedFrom,
                life.exists ? null : life.renamedTo, life.renames));
        return table.build();
    }

    private static String status(Life life) {
        if (life.exists) {
            return "exists";
        }
        return life.renamedTo != null ? "renamed" : "deleted";
    }

    private static Life life(Map<String, Life> lives, String path) {
        return lives.computeIfAbsent(path, p -> new Life());
    }

    private static void arrive(Map<String, Life> lives, String path, OffsetDateTime time, String from,
            long renames) {
        Life life = life(lives, path);
        if (life.created == null) {
            life.created = time;
        }
        if (life.departedBefore) {
            life.resurrections++;
        }
        life.renames = renames;
        life.exists = true;
        life.renamedFrom = from;
        life.renamedTo = null;
    }

    private static void depart(Map<String, Life> lives, String path, OffsetDateTime time, String to) {
        Life life = life(lives, path);
        life.exists = false;
        life.departedBefore = true;
        life.deleted = time;
        life.renamedTo = to;
    }
}
