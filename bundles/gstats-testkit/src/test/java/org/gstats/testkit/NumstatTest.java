package org.gstats.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class NumstatTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void parsesAdditionsRenamesAndBinaries() throws Exception {
        Path dir = temp.newFolder("repo").toPath();
        GitRepo repo = GitRepo.init(dir);
        GitRepo.Person ann = new GitRepo.Person("Ann", "ann@example.com");
        repo.write("a b.txt", "one\ntwo\nthree\nfour\nfive\n").write("bin.dat", new byte[] {1, 0, 2});
        String first = repo.commit("first", ann);
        repo.move("a b.txt", "dir/moved.txt").write("dir/moved.txt", "one\ntwo\nthree\nfour\nfive\nsix\n");
        String second = repo.commit("second", ann);

        Map<String, List<Numstat.Entry>> log = Numstat.log(repo, "-M");

        assertEquals(List.of(second, first), List.copyOf(log.keySet()));
        assertEquals(List.of(new Numstat.Entry(1, 0, "dir/moved.txt", "a b.txt")), log.get(second));
        List<Numstat.Entry> firstEntries = log.get(first);
        assertEquals(new Numstat.Entry(5, 0, "a b.txt", null), firstEntries.get(0));
        assertTrue(firstEntries.get(1).binary());
        assertEquals("bin.dat", firstEntries.get(1).path());
    }
}
