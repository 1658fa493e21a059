package org.gstats.scanner.internal;

import static org.junit.Assert.assertEquals;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.Numstat;

/** Scans with the scanner under test and holds the result to what C git prints. */
final class GitTruth {

    private GitTruth() {
    }

    static RecordingListener scan(ScanRequest request) throws ScanException {
        RecordingListener listener = new RecordingListener();
        new JGitRepositoryScanner().scan(request, listener);
        return listener;
    }

    /**
     * The scan lists the commits {@code git log ARGS} lists, in its order, and each commit's
     * file changes equal {@code git log --numstat ARGS}, in git's order.
     */
    static void assertNumstat(GitRepo repo, RecordingListener scan, String... gitLogArgs) {
        assertNumstat(Numstat.log(repo, gitLogArgs), scan, gitLogArgs);
    }

    /** As above, against entries git printed already; {@code gitArgs} only say how. */
    static void assertNumstat(Map<String, List<Numstat.Entry>> expected, RecordingListener scan,
            String... gitLogArgs) {
        assertEquals("commits of git log " + String.join(" ", gitLogArgs), List.copyOf(expected.keySet()),
                scan.commitIds());
        for (CommitInfo commit : scan.commits) {
            List<Numstat.Entry> actual = new ArrayList<>();
            for (FileChange change : scan.changes.get(commit.id())) {
                actual.add(change.binary() ? new Numstat.Entry(-1, -1, change.path(), change.oldPath())
                        : new Numstat.Entry(change.insertions(), change.deletions(), change.path(), change.oldPath()));
            }
            assertEquals("numstat of " + commit.id() + " (" + commit.summary() + ") with "
                    + String.join(" ", gitLogArgs), expected.get(commit.id()), actual);
        }
    }

    /** The commits and their metadata as {@code git log --format} prints them for {@code revision}. */
    static List<CommitInfo> gitLog(GitRepo repo, String revision) {
        String out = repo.git("log", "--format=%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%cn%x1f%ce%x1f%cI%x1f%s%x1e",
                revision);
        List<CommitInfo> commits = new ArrayList<>();
        for (String record : out.split("\u001e")) {
            String trimmed = record.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] f = trimmed.split("\u001f", -1);
            List<String> parents = f[1].isEmpty() ? List.of() : Arrays.asList(f[1].split(" "));
            commits.add(new CommitInfo(f[0], parents, f[2], f[3], OffsetDateTime.parse(f[4]), f[5], f[6],
                    OffsetDateTime.parse(f[7]), f[8]));
        }
        return commits;
    }

    /** {@code git rev-list ARGS}: commit ids, newest first. */
    static List<String> revList(GitRepo repo, String... args) {
        List<String> command = new ArrayList<>(List.of("rev-list"));
        command.addAll(List.of(args));
        return repo.git(command.toArray(String[]::new)).lines().toList();
    }

    /** Lines as {@code git show C:path | wc -l} would count them, plus one for a last line without newline. */
    static int linesOf(String content) {
        int lines = (int) content.chars().filter(c -> c == '\n').count();
        return content.isEmpty() || content.endsWith("\n") ? lines : lines + 1;
    }
}
