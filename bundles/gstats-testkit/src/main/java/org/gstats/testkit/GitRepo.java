package org.gstats.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real repository built with the {@code git} CLI, for tests that hold gstats to what C git
 * says. Every command runs with a private, empty configuration so that the machine's
 * settings cannot change the answers.
 */
public final class GitRepo {

    /** Author and committer of a commit. */
    public record Person(String name, String email) {
    }

    /**
     * An empty HOME (and XDG_CONFIG_HOME) for every git the kit runs, so that the user's own
     * configuration cannot change what a test sees; git writes nothing there, so one folder
     * serves the whole JVM and is gone when it exits.
     */
    private static final Path HOME = emptyHome();

    private final Path dir;
    private Instant clock = Instant.parse("2024-01-15T10:00:00Z");

    private GitRepo(Path dir) {
        this.dir = dir;
    }

    private static Path emptyHome() {
        try {
            Path home = Files.createTempDirectory("gstats-git-home");
            home.toFile().deleteOnExit();
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code git init} in {@code dir} (created if missing) with {@code main} as first branch. */
    public static GitRepo init(Path dir) {
        try {
            Files.createDirectories(dir);
            GitRepo repo = new GitRepo(dir);
            repo.git("init", "-q", "-b", "main");
            return repo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A repository that exists already (a clone, a bare repository, a linked work tree), to run
     * git in with the same private configuration.
     */
    public static GitRepo open(Path dir) {
        return new GitRepo(dir);
    }

    public Path dir() {
        return dir;
    }

    public GitRepo write(String path, String content) {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public GitRepo write(String path, byte[] content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public GitRepo delete(String path) {
        git("rm", "-q", "--", path);
        return this;
    }

    public GitRepo move(String from, String to) {
        try {
            Files.createDirectories(dir.resolve(to).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git("mv", "--", from, to);
        return this;
    }

    /**
     * Stages everything and commits as {@code author} (also the committer), one hour after
     * the previous commit so that dates order the history. Returns the new commit's id.
     */
    public String commit(String message, Person author) {
        clock = clock.plusSeconds(3600);
        return commit(message, author, clock);
    }

    public String commit(String message, Person author, Instant when) {
        git("add", "-A");
        String date = "@" + when.getEpochSecond() + " +0000";
        run(Map.of("GIT_AUTHOR_NAME", author.name(), "GIT_AUTHOR_EMAIL", author.email(),
                "GIT_AUTHOR_DATE", date, "GIT_COMMITTER_NAME", author.name(),
                "GIT_COMMITTER_EMAIL", author.email(), "GIT_COMMITTER_DATE", date),
                "commit", "-q", "--allow-empty", "-m", message);
        return git("rev-parse", "HEAD").trim();
    }

    /**
     * Stages everything and commits it with author and committer lines written by hand, such as
     * {@code "Ann <ann@example.com> 1700000000 +9999"}: the zones and dates that git reads but
     * will not write ({@code git commit} turns {@code +9999} into {@code +0000}). The commit is
     * written unchecked ({@code hash-object --literally}) and the current branch moved to it.
     */
    public String commitRaw(String message, String authorLine, String committerLine) {
        git("add", "-A");
        StringBuilder commit = new StringBuilder("tree ").append(git("write-tree").strip()).append('\n');
        String parent = run(Map.of(), true, new byte[0], "rev-parse", "-q", "--verify", "HEAD").strip();
        if (!parent.isEmpty()) {
            commit.append("parent ").append(parent).append('\n');
        }
        commit.append("author ").append(authorLine).append("\ncommitter ").append(committerLine).append("\n\n")
                .append(message).append('\n');
        try {
            Path file = Files.createTempFile(dir.resolve(git("rev-parse", "--git-dir").strip()), "commit", ".txt");
            try {
                Files.writeString(file, commit);
                String id = git("hash-object", "-t", "commit", "--literally", "-w", file.toString()).strip();
                git("update-ref", "HEAD", id);
                return id;
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges {@code branch} into the current branch with a merge commit, as {@code author}. */
    public String merge(String branch, Person author) {
        clock = clock.plusSeconds(3600);
        String date = "@" + clock.getEpochSecond() + " +0000";
        run(Map.of("GIT_AUTHOR_NAME", author.name(), "GIT_AUTHOR_EMAIL", author.email(),
                "GIT_AUTHOR_DATE", date, "GIT_COMMITTER_NAME", author.name(),
                "GIT_COMMITTER_EMAIL", author.email(), "GIT_COMMITTER_DATE", date),
                "merge", "-q", "--no-ff", "-m", "Merge " + branch, branch);
        return git("rev-parse", "HEAD").trim();
    }

    /**
     * Adds {@code commits} commits to {@code main} (made the current branch) in one
     * {@code git fast-import} run, for histories too long to commit one by one: commit {@code i}
     * (from 1), by Ann Example at 1,600,000,000 + 60·i seconds, sets {@code f<i % files>.txt} to
     * {@code "line i\n"}. The work tree is left as it was.
     */
    public GitRepo importHistory(int commits, int files) {
        StringBuilder stream = new StringBuilder();
        for (int i = 1; i <= commits; i++) {
            String message = "commit " + i + "\n";
            String content = "line " + i + "\n";
            stream.append("commit refs/heads/main\ncommitter Ann Example <ann@example.com> ")
                    .append(1_600_000_000L + i * 60L).append(" +0000\ndata ").append(message.length()).append('\n')
                    .append(message).append("M 100644 inline f").append(i % files).append(".txt\ndata ")
                    .append(content.length()).append('\n').append(content).append('\n');
        }
        run(Map.of(), false, stream.toString().getBytes(StandardCharsets.UTF_8), "fast-import", "--quiet");
        git("symbolic-ref", "HEAD", "refs/heads/main");
        return this;
    }

    /** Runs git in the repository and returns its standard output; fails on a non-zero exit. */
    public String git(String... args) {
        return run(Map.of(), args);
    }

    /**
     * Runs git with these environment variables added (e.g. {@code GIT_TEST_DATE_NOW}, {@code TZ})
     * and returns its standard output; fails on a non-zero exit.
     */
    public String git(Map<String, String> env, String... args) {
        return run(env, args);
    }

    private String run(Map<String, String> env, String... args) {
        return run(env, false, new byte[0], args);
    }

    /**
     * @param mayFail whether a non-zero exit is an answer (its output returned) rather than a failure
     * @param input what git reads on its standard input
     */
    private String run(Map<String, String> env, boolean mayFail, byte[] input, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("HOME", HOME.toString());
        environment.put("XDG_CONFIG_HOME", HOME.toString());
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_CONFIG_GLOBAL", "/dev/null");
        environment.put("GIT_AUTHOR_NAME", "Test");
        environment.put("GIT_AUTHOR_EMAIL", "test@example.com");
        environment.put("GIT_COMMITTER_NAME", "Test");
        environment.put("GIT_COMMITTER_EMAIL", "test@example.com");
        environment.putAll(env);
        builder.redirectErrorStream(false);
        try {
            Process process = builder.start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
            errReader.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread writer = null;
            if (input.length == 0) {
                process.getOutputStream().close();
            } else {
                // git may answer while it still reads (a full pipe would stop both): the input has a thread of its own
                writer = new Thread(() -> {
                    try (OutputStream in = process.getOutputStream()) {
                        in.write(input);
                    } catch (IOException e) {
                        // git stopped reading: its status says why
                    }
                });
                writer.start();
            }
            copy(process.getInputStream(), out);
            if (writer != null) {
                writer.join();
            }
            int status = process.waitFor();
            errReader.join();
            if (status != 0 && !mayFail) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed (" + status + "): "
                        + err.toString(StandardCharsets.UTF_8));
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
