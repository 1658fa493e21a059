package org.gstats.scanner.internal;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.gstats.testkit.GitRepo;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Each glob selects the files {@code git ls-files -- ':(glob)GLOB'} selects. */
public class PathGlobsTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final List<String> PATHS = List.of("README.md", "build.gradle", "src/main/App.java",
            "src/main/util/Text.java", "src/test/AppTest.java", "src/README.md", "vendor/lib/a.js",
            "vendor/lib/a.min.js", "vendor/b.js", "docs/guide.md", "docs/img/logo.png", "a/vendor/deep.js",
            "generated/x/y/z.txt", "file[1].txt", "dir with space/f.txt", ".hidden/conf", "srcfile.txt");

    private static final List<String> GLOBS = List.of("src", "src/", "src/**", "src/*", "src/*/*.java", "**/*.js",
            "*.md", "**/README.md", "vendor/**/*.min.js", "**/vendor/**", "s*", "src*", "docs/img", "*",
            "**", "?ocs/**", "[sd]*/**", "[!s]*/**", "file\\[1].txt", "dir with space", "**/x/**", "generated/**/z.txt",
            ".hidden", "src/**/Text.java", "vendor/lib");

    private static GitRepo repo;

    @BeforeClass
    public static void buildRepository() throws Exception {
        repo = GitRepo.init(TEMP.newFolder("paths").toPath());
        for (String path : PATHS) {
            repo.write(path, path + "\n");
        }
        repo.commit("All the paths", new GitRepo.Person("Ann", "ann@example.com"));
    }

    @Test
    public void includesSelectWhatGitSelects() {
        for (String glob : GLOBS) {
            PathGlobs globs = (PathGlobs) PathGlobs.of(List.of(glob), List.of());
            assertEquals(glob, git(":(glob)" + glob), PATHS.stream().filter(globs::matches).sorted().toList());
        }
    }

    @Test
    public void excludesLeaveWhatGitLeaves() {
        for (String glob : GLOBS) {
            PathGlobs globs = (PathGlobs) PathGlobs.of(List.of(), List.of(glob));
            assertEquals(glob, git(":(glob,exclude)" + glob), PATHS.stream().filter(globs::matches).sorted().toList());
        }
    }

    private static List<String> git(String pathspec) {
        String out = repo.git("ls-files", "-z", "--", pathspec);
        return Arrays.stream(out.split("\0")).filter(path -> !path.isEmpty()).sorted().toList();
    }
}
