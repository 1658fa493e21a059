package org.gstats.scanner.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The paths {@code --include} and {@code --exclude} leave in a scan, matched as git matches
 * {@code :(glob)} and {@code :(glob,exclude)} pathspecs: {@code *} and {@code ?} stay within
 * one directory, {@code **}{@code /} spans any number of directories, a trailing
 * {@code /}{@code **} everything below, {@code [...]} a set of characters; a pattern without
 * wildcards also names every file below the directory it names. A path counts when it
 * matches an include (or there are none) and no exclude.
 * <p>
 * As a tree filter it restricts the tree walk, before rename detection, so that a file moved
 * out of the included paths counts as deleted and one moved in as added, as with git.
 */
final class PathGlobs extends TreeFilter {

    private final List<Glob> includes;
    private final List<Glob> excludes;

    private PathGlobs(List<Glob> includes, List<Glob> excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    /** The filter for these globs, or {@link TreeFilter#ALL} when there are none. */
    static TreeFilter of(List<String> includes, List<String> excludes) {
        if (includes.isEmpty() && excludes.isEmpty()) {
            return TreeFilter.ALL;
        }
        return new PathGlobs(compile(includes), compile(excludes));
    }

    /**
     * Checks a glob as {@code --include} or {@code --exclude} takes it.
     *
     * @return why the glob is unusable, or {@code null} when it is fine
     */
    static String problem(String glob) {
        if (glob.isEmpty()) {
            return "is empty";
        }
        if (glob.startsWith("/")) {
            return "starts with / (paths are relative to the repository's top directory)";
        }
        int open = glob.indexOf('[');
        while (open >= 0) {
            int close = glob.indexOf(']', open + 2);
            if (close < 0) {
                return "has a [ without its ]";
            }
            open = glob.indexOf('[', close + 1);
        }
        return null;
    }

    boolean matches(String path) {
        return (includes.isEmpty() || any(includes, path)) && !any(excludes, path);
    }

    @Override
    public boolean include(TreeWalk walker) {
        String path = walker.getPathString();
        if (walker.isSubtree()) {
            // A directory is entered unless an exclude covers everything in it.
            String below = path + "/";
            for (Glob exclude : excludes) {
                if (exclude.coversDirectory(below)) {
                    return false;
                }
            }
            return true;
        }
        return matches(path);
    }

    @Override
    public boolean shouldBeRecursive() {
        return true;
    }

    @Override
    public TreeFilter clone() {
        return this;
    }

    @Override
    public String toString() {
        return "PathGlobs" + includes + "-" + excludes;
    }

    private static boolean any(List<Glob> globs, String path) {
        for (Glob glob : globs) {
            if (glob.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static List<Glob> compile(List<String> globs) {
        List<Glob> compiled = new ArrayList<>(globs.size());
        for (String glob : globs) {
            compiled.add(Glob.of(glob));
        }
        return compiled;
    }

    /**
     * One glob as a regular expression over the whole path.
     *
     * @param literal   the glob has no wildcard, so it also names the files below it
     * @param directory for a glob ending in {@code /}{@code **}: what the part before must
     *                  match for a directory to be excluded whole; otherwise {@code null}
     */
    private record Glob(String text, Pattern pattern, boolean literal, Pattern directory) {

        static Glob of(String glob) {
            String text = glob.endsWith("/") ? glob.substring(0, glob.length() - 1) : glob;
            boolean literal = text.chars().noneMatch(c -> c == '*' || c == '?' || c == '[');
            Pattern directory = text.endsWith("/**") ? regex(text.substring(0, text.length() - 3)) : null;
            return new Glob(text, regex(text), literal, directory);
        }

        private static Pattern regex(String text) {
            StringBuilder regex = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                boolean atSegmentStart = i == 0 || text.charAt(i - 1) == '/';
                if (c == '*' && atSegmentStart && text.startsWith("**", i)
                        && (i + 2 == text.length() || text.charAt(i + 2) == '/')) {
                    if (i + 2 == text.length()) {
                        regex.append(".*");
                        i += 2;
                    } else {
                        regex.append("(?:.*/)?");
                        i += 3;
                    }
                } else if (c == '*') {
                    while (i < text.length() && text.charAt(i) == '*') {
                        i++;
                    }
                    regex.append("[^/]*");
                } else if (c == '?') {
                    regex.append("[^/]");
                    i++;
                } else if (c == '[') {
                    int close = text.indexOf(']', i + 2);
                    String set = text.substring(i + 1, close);
                    boolean negated = set.startsWith("!") || set.startsWith("^");
                    regex.append(negated ? "[^/" : "[");
                    for (char member : (negated ? set.substring(1) : set).toCharArray()) {
                        if ("\\[]^&".indexOf(member) >= 0) {
                            regex.append('\\');
                        }
                        regex.append(member);
                    }
                    regex.append(']');
                    i = close + 1;
                } else if (c == '\\' && i + 1 < text.length()) {
                    regex.append(Pattern.quote(String.valueOf(text.charAt(i + 1))));
                    i += 2;
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                    i++;
                }
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches() || literal && path.startsWith(text + "/");
        }

        /** Whether every path below {@code dir} (a directory's path and a slash) matches. */
        boolean coversDirectory(String dir) {
            if (literal) {
                return dir.startsWith(text + "/");
            }
            return directory != null && directory.matcher(dir.substring(0, dir.length() - 1)).matches();
        }
    }
}
