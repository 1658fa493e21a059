package org.gstats.scanner.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.gstats.testkit.GitRepo;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Blobs read from the packs are byte for byte what git stores: every version of files edited
 * over many commits, packed by git with long delta chains both ways (newest whole and oldest
 * whole), read newest first as a scan reads them and then in random order, with a small budget
 * of bases and with none; what the packs do not hold is left to JGit.
 */
public class PackedBlobsTest {

    private static final int COMMITS = 60;
    private static final GitRepo.Person ANN = new GitRepo.Person("Ann", "ann@example.com");

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void everyVersionIsWhatGitStores() throws IOException {
        GitRepo repo = history();
        repo.git("repack", "-a", "-d", "-f", "-q", "--depth=50", "--window=50");
        assertEveryBlobAsGit(repo, 64L << 20);
        assertEveryBlobAsGit(repo, 16L << 10);
        assertEveryBlobAsGit(repo, 0);
    }

    @Test
    public void chainsDeeperThanTheBudgetAndRefDeltas() throws IOException {
        GitRepo repo = history();
        // REF_DELTA entries instead of offsets, and chains up to 250 deep
        repo.git("-c", "pack.useOffsetDelta=false", "repack", "-a", "-d", "-f", "-q", "--depth=250", "--window=250");
        assertEveryBlobAsGit(repo, 4L << 10);
    }

    @Test
    public void leavesToJGitWhatThePacksDoNotHoldOrIsNoBlobOrTooLarge() throws IOException {
        GitRepo repo = history();
        repo.git("gc", "-q");
        repo.write("loose.txt", "not packed\n").commit("loose", ANN);
        try (Repository repository = open(repo); PackedBlobs packs = PackedBlobs.of(repository.getObjectDatabase(),
                1L << 20)) {
            PackedBlobs.Reader reader = packs.newReader();
            ObjectId loose = ObjectId.fromString(repo.git("rev-parse", "HEAD:loose.txt").trim());
            assertNull("a loose object", reader.read(loose, Long.MAX_VALUE));
            ObjectId tree = ObjectId.fromString(repo.git("rev-parse", "HEAD~1^{tree}").trim());
            assertNull("a tree", reader.read(tree, Long.MAX_VALUE));
            ObjectId packed = ObjectId.fromString(repo.git("rev-parse", "HEAD~1:file0.txt").trim());
            assertNull("larger than the limit", reader.read(packed, 10));
            assertNotNull("the same blob within the limit", reader.read(packed, Long.MAX_VALUE));
        }
    }

    /** Files grown and edited a few lines at a time, so that git stores most versions as deltas. */
    private GitRepo history() throws IOException {
        GitRepo repo = GitRepo.init(temp.newFolder("repo").toPath());
        for (int i = 1; i <= COMMITS; i++) {
            for (int file = 0; file < 3; file++) {
                StringBuilder text = new StringBuilder();
                for (int line = 1; line <= 200 + 5 * i; line++) {
                    int version = line % 17 == i % 17 ? i : 0;
                    text.append("file ").append(file).append(" line ").append(line).append(" version ")
                            .append(version).append('\n');
                }
                repo.write("file" + file + ".txt", text.toString());
            }
            repo.commit("commit " + i, ANN);
        }
        return repo;
    }

    private void assertEveryBlobAsGit(GitRepo repo, long basesBudget) throws IOException {
        List<ObjectId> blobs = new ArrayList<>();
        // "<id> <type> <size>" of every object, in the order of their ids
        for (String line : repo.git("cat-file", "--batch-all-objects", "--batch-check").lines().toList()) {
            String[] fields = line.split(" ");
            if (fields[1].equals("blob")) {
                blobs.add(ObjectId.fromString(fields[0]));
            }
        }
        // newest first, as a scan reads them: the order of the file's versions in the history
        List<ObjectId> byHistory = new ArrayList<>();
        for (String line : repo.git("log", "--format=", "--raw", "--no-abbrev").lines().toList()) {
            String[] fields = line.split("\\s+");
            if (fields.length > 4) {
                for (String id : new String[] {fields[3], fields[2]}) {
                    if (!id.matches("0+") && blobs.contains(ObjectId.fromString(id))) {
                        byHistory.add(ObjectId.fromString(id));
                    }
                }
            }
        }
        assertTrue("versions to read: " + blobs.size(), blobs.size() > 2 * COMMITS);
        List<ObjectId> shuffled = new ArrayList<>(blobs);
        Collections.shuffle(shuffled, new Random(13));
        try (Repository repository = open(repo); ObjectReader jgit = repository.newObjectReader();
                PackedBlobs packs = PackedBlobs.of(repository.getObjectDatabase(), basesBudget)) {
            PackedBlobs.Reader reader = packs.newReader();
            for (List<ObjectId> order : List.of(byHistory, shuffled)) {
                for (ObjectId id : order) {
                    byte[] read = reader.read(id, Long.MAX_VALUE);
                    assertNotNull("read from the pack: " + id.name(), read);
                    assertArrayEquals("blob " + id.name() + " with " + basesBudget + " bytes of bases",
                            jgit.open(id, Constants.OBJ_BLOB).getCachedBytes(), read);
                }
            }
            assertTrue("the history's versions: " + byHistory.size(), byHistory.size() > 2 * COMMITS);
        }
    }

    private static Repository open(GitRepo repo) throws IOException {
        return new FileRepositoryBuilder().setGitDir(repo.dir().resolve(".git").toFile()).setMustExist(true).build();
    }
}
