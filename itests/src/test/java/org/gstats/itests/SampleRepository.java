package org.gstats.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.gstats.testkit.Numstat;

/**
 * One small repository with what a scan must get right: three authors, a side branch merged
 * back, a binary file added and changed, a rename with an edit, a deletion. Built once per
 * test class with the git CLI; the expected numbers come from git itself.
 */
final class SampleRepository {

    private static final Person ANN = new Person("Ann Example", "ann@example.com");
    private static final Person BOB = new Person("Bob Example", "bob@example.com");
    private static final Person CHLOE = new Person("Chloé Exemple", "chloe@example.org");

    private final GitRepo repo;

    private SampleRepository(GitRepo repo) {
        this.repo = repo;
    }

    /**
     * The folder for what the tests create, inside the build's {@code target/} so that nothing
     * is left behind elsewhere ({@code gstats.itests.work}, set by the build).
     */
    static Path workDir() {
        String dir = System.getProperty("gstats.itests.work");
        if (dir == null) {
            throw new IllegalStateException("system property gstats.itests.work is not set (run with mvn verify)");
        }
        try {
            return Files.createDirectories(Path.of(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the sample in a new folder under {@code parent}. */
    static SampleRepository create(Path parent) {
        try {
            GitRepo repo = GitRepo.init(Files.createTempDirectory(parent, "sample-"));
            repo.write("README.md", "# sample\n\nA repository for gstats' integration tests.\n")
                    .write("src/main.c", numberedLines("main", 40))
                    .commit("Initial import", ANN);
            repo.write("src/main.c", numberedLines("main", 30) + "int extra;\n").commit("Trim main", BOB);
            repo.git("checkout", "-q", "-b", "feature");
            repo.write("src/feature.c", numberedLines("feature", 12)).commit("Add feature", CHLOE);
            repo.write("src/feature.c", numberedLines("feature", 15)).commit("Grow feature", CHLOE);
            repo.git("checkout", "-q", "main");
            repo.write("docs/guide.md", "Guide\n=====\n\nRead me.\n").commit("Write the guide", ANN);
            repo.merge("feature", BOB);
            repo.write("assets/logo.bin", binary(512, 7)).commit("Add a logo", CHLOE);
            repo.move("src/main.c", "src/app.c")
                    .write("src/app.c", numberedLines("main", 30) + "int extra;\nint renamed;\n")
                    .commit("Rename main to app", ANN);
            repo.write("assets/logo.bin", binary(600, 11)).commit("New logo", BOB);
            repo.delete("README.md").commit("Drop the readme", ANN);
            return new SampleRepository(repo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty repository in a new folder under {@code parent}: {@code git init} and nothing else. */
    static Path createEmpty(Path parent) {
        try {
            return GitRepo.init(Files.createTempDirectory(parent, "empty-")).dir();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return repo.dir();
    }

    /** {@code git rev-list --count HEAD}. */
    int commitCount() {
        return Integer.parseInt(repo.git("rev-list", "--count", "HEAD").trim());
    }

    /** {@code git log --numstat -M}: each commit's file changes, newest first, merges carrying none. */
    Map<String, List<Numstat.Entry>> fileChangesByCommit() {
        return Numstat.log(repo, "-M");
    }

    /** Every file change of every commit, as {@link #fileChangesByCommit()}. */
    List<Numstat.Entry> fileChanges() {
        return fileChangesByCommit().values().stream().flatMap(List::stream).toList();
    }

    /** {@code git shortlog -sne HEAD}: commits per "Name <email>". */
    Map<String, Integer> commitsByAuthor() {
        Map<String, Integer> authors = new LinkedHashMap<>();
        for (String line : repo.git("shortlog", "-sne", "HEAD").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] countAndAuthor = line.trim().split("\t", 2);
            authors.put(countAndAuthor[1], Integer.parseInt(countAndAuthor[0].trim()));
        }
        return authors;
    }

    private static String numberedLines(String prefix, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append(prefix).append(" line ").append(i).append('\n');
        }
        return text.toString();
    }

    /** Bytes with NUL in them, so that git counts the file as binary. */
    private static byte[] binary(int size, int seed) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ((i * seed) % 251);
        }
        return bytes;
    }
}
