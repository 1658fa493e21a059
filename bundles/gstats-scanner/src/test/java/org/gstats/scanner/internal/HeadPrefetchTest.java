package org.gstats.scanner.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.scan.ChangeCache;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A scan that replays recorded commits reads the head's files beside the walk, and tells exactly
 * the head a cold scan tells (sizes, line counts, binaries, content); a cold scan does not.
 */
public class HeadPrefetchTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final Person ANN = new Person("Ann", "ann@example.com");
    private static final PluginDataRequirements HEAD_CONTENT = new PluginDataRequirements(true, false, true, 1 << 20,
            false);

    /** The threads that read blobs from the object database. */
    private static final class ReadingThreads implements ScanObserver {
        final Set<String> names = ConcurrentHashMap.newKeySet();

        @Override
        public void blobRead() {
            names.add(Thread.currentThread().getName());
        }
    }

    @Test
    public void aReplayingScanReadsTheHeadBesideTheWalkAndTellsTheColdHead() throws IOException, ScanException {
        GitRepo repo = GitRepo.init(TEMP.newFolder("history").toPath()).importHistory(300, 40);
        repo.git("reset", "-q", "--hard", "main");
        repo.write("data.bin", new byte[] {1, 0, 2, 0, 3}).write("no-newline.txt", "one\ntwo")
                .write("empty.txt", "").commit("more kinds of files", ANN);
        ScanRequest request = ScanRequest.builder(repo.dir()).build();

        ReadingThreads coldReads = new ReadingThreads();
        ContentListener cold = new ContentListener();
        scanner(coldReads).scan(request, HEAD_CONTENT, cold, ChangeCache.NONE);
        assertFalse("a cold scan reads its head after the walk", coldReads.names.contains("gstats-head-read"));
        assertEquals(43, cold.files.size());

        Map<String, List<FileChange>> recorded = cold.changes.stream()
                .collect(Collectors.groupingBy(FileChange::commitId));
        ChangeCache replay = commitId -> recorded.getOrDefault(commitId, List.of());
        ReadingThreads replayReads = new ReadingThreads();
        ContentListener replayed = new ContentListener();
        scanner(replayReads).scan(request, HEAD_CONTENT, replayed, replay);
        assertTrue("read beside the walk: " + replayReads.names, replayReads.names.contains("gstats-head-read"));

        assertEquals(cold.commits, replayed.commits);
        assertEquals(cold.changes, replayed.changes);
        assertEquals(cold.files, replayed.files);
        assertEquals(cold.headContents.size(), replayed.headContents.size());
        for (int i = 0; i < cold.headContents.size(); i++) {
            FileContent expected = cold.headContents.get(i);
            FileContent actual = replayed.headContents.get(i);
            assertEquals(expected.file(), actual.file());
            assertEquals(expected.blobId(), actual.blobId());
            assertArrayEquals(expected.toByteArray(), actual.toByteArray());
        }
    }

    private static JGitRepositoryScanner scanner(ScanObserver observer) throws IOException {
        return new JGitRepositoryScanner(observer, TEMP.newFolder().toPath(), 2);
    }
}
