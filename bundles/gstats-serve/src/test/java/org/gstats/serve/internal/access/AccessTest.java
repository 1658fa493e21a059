package org.gstats.serve.internal.access;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AccessTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void aRepositoryUnderARootIsItsRealPath() throws Exception {
        Path root = temp.newFolder("root").toPath().toRealPath();
        Path repository = Files.createDirectories(root.resolve("a/repo"));
        Access access = new Access(List.of(root), "");
        assertEquals(repository, access.repository(repository.toString()));
        assertEquals(repository, access.repository("a/repo"));
    }

    @Test
    public void theRepositoriesInARootAreFoundButNotThoseALinkLeadsOutTo() throws Exception {
        Path root = temp.newFolder("root").toPath().toRealPath();
        Path outside = temp.newFolder("outside").toPath().toRealPath();
        git(root, "init", "-q", "work");
        git(root, "init", "-q", "--bare", "bare.git");
        git(outside, "init", "-q", "elsewhere");
        Files.createDirectories(root.resolve("plain"));
        Files.createSymbolicLink(root.resolve("escape"), outside.resolve("elsewhere"));
        assertEquals(List.of(root.resolve("bare.git"), root.resolve("work")), new Access(List.of(root), "").found());
        // a root that is a repository is itself the one found
        assertEquals(List.of(root.resolve("work")), new Access(List.of(root.resolve("work")), "").found());
    }

    private static void git(Path directory, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
        assertEquals(0, git.waitFor());
    }

    @Test
    public void outsideDotDotAndEscapingLinksAreForbidden() throws Exception {
        Path root = temp.newFolder("root").toPath().toRealPath();
        Path outside = temp.newFolder("outside").toPath().toRealPath();
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Access access = new Access(List.of(root), "");
        assertRefused(access, outside.toString(), 403);
        assertRefused(access, root.resolve("escape").toString(), 403);
        assertRefused(access, root + "/../outside", 403);
        assertRefused(access, "../outside", 403);
        assertRefused(access, root.resolve("missing").toString(), 404);
        assertRefused(access, outside.resolve("missing").toString(), 403);
        assertRefused(access, "", 400);
    }

    @Test
    public void theTokenIsCheckedWhenThereIsOne() {
        Access open = new Access(List.of(), "");
        assertTrue(open.admits(null));
        Access guarded = new Access(List.of(), "s3cret");
        assertFalse(guarded.admits(null));
        assertFalse(guarded.admits("s3cret"));
        assertFalse(guarded.admits("Bearer s3cre"));
        assertFalse(guarded.admits("Basic s3cret"));
        assertTrue(guarded.admits("Bearer s3cret"));
        assertTrue(guarded.admits("bearer s3cret"));
        assertFalse(guarded.admits("bearer S3cret"));
    }

    private static void assertRefused(Access access, String path, int status) {
        try {
            access.repository(path);
            fail(path + " was let in");
        } catch (Access.Refusal refusal) {
            assertEquals(path + ": " + refusal.getMessage(), status, refusal.status());
        }
    }
}
