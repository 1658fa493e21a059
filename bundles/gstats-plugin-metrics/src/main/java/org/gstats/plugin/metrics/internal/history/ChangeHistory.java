package org.gstats.plugin.metrics.internal.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gstats.api.ChangeType;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;

/**
 * Every change of every file, followed back through renames, so that a file at the head is
 * credited with the history it had under its older names (as {@code git log --follow} does).
 * Commits arrive newest first; a change under an old name is credited to the name the file
 * has at the newest point seen. Per commit it keeps a time and an author number, not the id:
 * on a history of a hundred thousand commits the ids alone would take megabytes.
 */
public final class ChangeHistory {

    private final Map<String, String> laterName = new HashMap<>();
    private final Map<String, FileEvents> files = new HashMap<>();
    private final Set<String> goneAtHead = new HashSet<>();
    private final Map<String, Integer> authorIds = new HashMap<>();
    private final List<Instant> commitTimes = new ArrayList<>();
    private final String headId;
    private Instant headTime;
    private String currentCommitId;
    private int currentCommit = -1;
    private int currentAuthor;
    private Instant newestCommitTime;

    /** @param headId the scanned head's commit id, whose time {@link #headTime()} gives; may be null */
    public ChangeHistory(String headId) {
        this.headId = headId;
    }

    public void onCommit(CommitInfo commit) {
        currentCommit = commitTimes.size();
        currentCommitId = commit.id();
        Instant time = commit.commitTime().toInstant();
        commitTimes.add(time);
        if (commit.id().equals(headId)) {
            headTime = time;
        }
        if (newestCommitTime == null || time.isAfter(newestCommitTime)) {
            newestCommitTime = time;
        }
        currentAuthor = authorIds.computeIfAbsent(commit.authorName() + " <" + commit.authorEmail() + ">",
                key -> authorIds.size());
    }

    public void onFileChange(FileChange change) {
        if (currentCommit < 0 || !currentCommitId.equals(change.commitId())) {
            throw new IllegalStateException("file change of commit " + change.commitId()
                    + " arrived outside that commit's events");
        }
        String name = laterName.getOrDefault(change.path(), change.path());
        boolean firstSeen = !files.containsKey(name) && !goneAtHead.contains(name);
        if (firstSeen && change.type() == ChangeType.DELETED) {
            goneAtHead.add(name);
        }
        if (!goneAtHead.contains(name)) {
            files.computeIfAbsent(name, n -> new FileEvents())
                    .add(currentCommit, change.insertions() + change.deletions(), currentAuthor);
        }
        if (change.type() == ChangeType.RENAMED && change.oldPath() != null) {
            laterName.put(change.oldPath(), name);
        }
    }

    /** The head commit's time, or null when that commit was not seen. */
    public Instant headTime() {
        return headTime;
    }

    /** The newest commit time seen, or null before any commit. */
    public Instant newestCommitTime() {
        return newestCommitTime;
    }

    /** Paths that, by the history seen, exist at the head (their newest change is not a deletion). */
    public Set<String> pathsAtHead() {
        return new HashSet<>(files.keySet());
    }

    /** Whether the commit of index {@code commit} touched {@code path}. */
    public BitSet commitsOf(String path) {
        FileEvents events = files.get(path);
        BitSet commits = new BitSet();
        if (events != null) {
            for (int i = 0; i < events.size; i++) {
                commits.set(events.commits[i]);
            }
        }
        return commits;
    }

    /**
     * Figures per path and per directory (every ancestor of a path, the root as {@code .}).
     *
     * @param paths     the files to report (others' history is ignored)
     * @param headTime  the time windows count back from
     * @param windows   window lengths in days
     */
    public Frequencies frequencies(Collection<String> paths, Instant headTime, int[] windows) {
        Instant[] starts = new Instant[windows.length];
        for (int w = 0; w < windows.length; w++) {
            starts[w] = headTime.minusSeconds(86_400L * windows[w]);
        }
        boolean[] within = within(starts);
        Map<String, Accumulator> byFile = new TreeMap<>();
        Map<String, Accumulator> byDirectory = new TreeMap<>();
        for (String path : paths) {
            Accumulator file = new Accumulator(windows.length);
            byFile.put(path, file);
            FileEvents events = files.get(path);
            if (events == null) {
                continue;
            }
            for (int i = 0; i < events.size; i++) {
                int commit = events.commits[i];
                file.add(commit, commitTimes.get(commit), events.churn[i], events.authors[i], within,
                        commit * (windows.length + 1));
            }
            // a directory's figures are its files' together: sets joined and sums added once per file, not per change
            for (String directory : directories(path)) {
                byDirectory.computeIfAbsent(directory, d -> new Accumulator(windows.length)).addAll(file);
            }
        }
        for (String path : paths) {
            for (String directory : directories(path)) {
                byDirectory.computeIfAbsent(directory, d -> new Accumulator(windows.length));
            }
        }
        Map<String, Frequency> fileRows = new TreeMap<>();
        byFile.forEach((path, acc) -> fileRows.put(path, acc.frequency(headTime)));
        Map<String, Frequency> directoryRows = new TreeMap<>();
        byDirectory.forEach((path, acc) -> directoryRows.put(path, acc.frequency(headTime)));
        return new Frequencies(fileRows, directoryRows);
    }

    /**
     * Which windows each commit's time falls in, worked out once per commit rather than per change
     * and directory: at {@code commit * (starts.length + 1) + w}, window 0 (all history) always,
     * window {@code w} when the time is not before {@code starts[w - 1]}.
     */
    private boolean[] within(Instant[] starts) {
        int stride = starts.length + 1;
        boolean[] within = new boolean[commitTimes.size() * stride];
        for (int commit = 0; commit < commitTimes.size(); commit++) {
            Instant time = commitTimes.get(commit);
            within[commit * stride] = true;
            for (int w = 1; w <= starts.length; w++) {
                within[commit * stride + w] = !time.isBefore(starts[w - 1]);
            }
        }
        return within;
    }

    static List<String> directories(String path) {
        List<String> directories = new ArrayList<>();
        directories.add(".");
        int slash = path.indexOf('/');
        while (slash >= 0) {
            directories.add(path.substring(0, slash));
            slash = path.indexOf('/', slash + 1);
        }
        return directories;
    }

    /** File and directory rows. */
    public record Frequencies(Map<String, Frequency> files, Map<String, Frequency> directories) {
    }

    /** A file's change events, in arrival order (newest commit first). */
    private static final class FileEvents {
        int[] commits = new int[4];
        int[] churn = new int[4];
        int[] authors = new int[4];
        int size;

        void add(int commit, int lines, int author) {
            // a commit reports a path once; a rename onto an existing name could repeat it
            if (size > 0 && commits[size - 1] == commit) {
                churn[size - 1] += lines;
                return;
            }
            if (size == commits.length) {
                commits = Arrays.copyOf(commits, size * 2);
                churn = Arrays.copyOf(churn, size * 2);
                authors = Arrays.copyOf(authors, size * 2);
            }
            commits[size] = commit;
            churn[size] = lines;
            authors[size] = author;
            size++;
        }
    }

    private static final class Accumulator {
        final BitSet[] commits;
        final long[] churn;
        final BitSet[] authors;
        Instant first;
        Instant last;

        Accumulator(int windows) {
            commits = new BitSet[windows + 1];
            authors = new BitSet[windows + 1];
            churn = new long[windows + 1];
            for (int w = 0; w <= windows; w++) {
                commits[w] = new BitSet();
                authors[w] = new BitSet();
            }
        }

        /** One change; {@code within[at + w]} says whether its commit falls in window {@code w} ({@link #within}). */
        void add(int commit, Instant time, int lines, int author, boolean[] within, int at) {
            for (int w = 0; w < commits.length; w++) {
                if (within[at + w]) {
                    commits[w].set(commit);
                    churn[w] += lines;
                    authors[w].set(author);
                }
            }
            first = first == null || time.isBefore(first) ? time : first;
            last = last == null || time.isAfter(last) ? time : last;
        }

        /** Every change {@code other} was given, as if each had been added here too. */
        void addAll(Accumulator other) {
            for (int w = 0; w < commits.length; w++) {
                commits[w].or(other.commits[w]);
                churn[w] += other.churn[w];
                authors[w].or(other.authors[w]);
            }
            if (other.first != null) {
                first = first == null || other.first.isBefore(first) ? other.first : first;
                last = last == null || other.last.isAfter(last) ? other.last : last;
            }
        }

        Frequency frequency(Instant headTime) {
            int windows = commits.length;
            int[] revisions = new int[windows];
            int[] authorCounts = new int[windows];
            for (int w = 0; w < windows; w++) {
                revisions[w] = commits[w].cardinality();
                authorCounts[w] = authors[w].cardinality();
            }
            Long age = first == null ? null : Math.max(0, (headTime.getEpochSecond() - first.getEpochSecond()) / 86_400);
            return new Frequency(revisions, churn.clone(), authorCounts, first, last, age);
        }
    }
}
