package org.gstats.scanner.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileInfo;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.scan.ChangeCache;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.gstats.api.scan.ScanWarning;
import org.gstats.testkit.GitRepo;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A head file whose blob an earlier scan told of ({@code ChangeCache.recordedFile}) is told as it
 * was, its blob not read; a blob the repository lost since is read, and missed, as a scan without
 * the cache misses it; under replaced objects the cache is not asked.
 */
public class HeadFilesToldTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private static final GitRepo.Person ANN = new GitRepo.Person("Ann", "ann@example.com");

    /** Replays a cold scan's changes and tells of the blobs it knows, with a line count no blob has. */
    private static final class TellingCache implements ChangeCache {
        final Map<String, List<FileChange>> changes;
        final Set<String> knows;
        final Set<String> asked = ConcurrentHashMap.newKeySet();

        TellingCache(Map<String, List<FileChange>> changes, Set<String> knows) {
            this.changes = changes;
            this.knows = knows;
        }

        @Override
        public List<FileChange> recorded(String commitId) {
            return changes.get(commitId);
        }

        @Override
        public FileInfo recordedFile(String path, String blobId) {
            asked.add(blobId);
            return knows.contains(blobId) ? new FileInfo(path, 7, 1000, false) : null;
        }
    }

    /** Keeps the scan's commits, changes, warnings and head file infos (by path). */
    private static final class HeadListener implements ScanListener {
        final List<String> commits = new ArrayList<>();
        final Map<String, List<FileChange>> changes = new LinkedHashMap<>();
        final List<ScanWarning> warnings = new ArrayList<>();
        final Map<String, FileInfo> files = new TreeMap<>();

        @Override
        public void onStart(ScanTarget target) {
            // the target is the same either way
        }

        @Override
        public void onCommit(CommitInfo commit) {
            commits.add(commit.id());
            changes.put(commit.id(), new ArrayList<>());
        }

        @Override
        public void onFileChange(FileChange change) {
            changes.get(change.commitId()).add(change);
        }

        @Override
        public void onWarning(ScanWarning warning) {
            warnings.add(warning);
        }

        @Override
        public void onFileInfo(FileInfo file) {
            files.put(file.path(), file);
        }
    }

    private GitRepo repo() throws IOException {
        GitRepo repo = GitRepo.init(temp.newFolder("repo").toPath());
        repo.write("a.txt", "one\ntwo\n").write("b.txt", "three\n").commit("first", ANN);
        repo.write("a.txt", "one\ntwo\nthree\n").commit("second", ANN);
        return repo;
    }

    @Test
    public void aFileIsToldAsTheCacheSaysAndTheRestAreRead() throws Exception {
        GitRepo repo = repo();
        HeadListener cold = scan(repo, ChangeCache.NONE);
        String a = blob(repo, "a.txt");
        TellingCache cache = new TellingCache(cold.changes, Set.of(a));

        HeadListener told = scan(repo, cache);

        assertEquals(new FileInfo("a.txt", 7, 1000, false), told.files.get("a.txt"));
        assertEquals(cold.files.get("b.txt"), told.files.get("b.txt"));
        assertEquals(Set.of(a, blob(repo, "b.txt")), cache.asked);
        assertEquals(cold.commits, told.commits);
    }

    @Test
    public void aBlobTheRepositoryLostIsReadAndMissedAsWithoutTheCache() throws Exception {
        GitRepo repo = repo();
        HeadListener cold = scan(repo, ChangeCache.NONE);
        String b = blob(repo, "b.txt");
        Files.delete(repo.dir().resolve(".git/objects/" + b.substring(0, 2) + "/" + b.substring(2)));
        TellingCache cache = new TellingCache(cold.changes, Set.of(b));

        HeadListener told = scan(repo, cache);

        assertFalse("what the cache says of a lost blob is not told", told.files.containsKey("b.txt"));
        assertTrue(told.warnings.toString(), told.warnings.stream()
                .anyMatch(warning -> warning.message().contains("b.txt") && warning.message().contains(b)));
        HeadListener without = scan(repo, new TellingCache(cold.changes, Set.of()));
        assertEquals(without.files, told.files);
        assertEquals(without.warnings, told.warnings);
    }

    @Test
    public void underReplacedObjectsTheCacheIsNotAsked() throws Exception {
        GitRepo repo = repo();
        HeadListener cold = scan(repo, ChangeCache.NONE);
        String a = blob(repo, "a.txt");
        repo.write("other.txt", "other\n");
        String other = repo.git("hash-object", "-w", "other.txt").strip();
        repo.git("replace", a, other);
        TellingCache cache = new TellingCache(cold.changes, Set.of(a));

        scan(repo, cache);

        assertEquals(new ArrayList<>(), new ArrayList<>(cache.asked));
    }

    private static String blob(GitRepo repo, String path) {
        return repo.git("rev-parse", "HEAD:" + path).strip();
    }

    private HeadListener scan(GitRepo repo, ChangeCache cache) throws IOException, ScanException {
        HeadListener listener = new HeadListener();
        new JGitRepositoryScanner(ScanObserver.NONE, temp.newFolder().toPath(), 2).scan(
                ScanRequest.builder(repo.dir()).build(), PluginDataRequirements.NONE, listener, cache);
        return listener;
    }
}
