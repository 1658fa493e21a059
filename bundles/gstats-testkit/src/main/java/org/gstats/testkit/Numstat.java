package org.gstats.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code git log --numstat} prints for a repository, parsed from its {@code -z} form so
 * that renames and odd paths come through exactly.
 */
public final class Numstat {

    /**
     * One line of numstat output.
     *
     * @param insertions -1 for a binary file ({@code -} in git's output)
     * @param deletions  -1 for a binary file
     * @param path       the path after the change
     * @param oldPath    the path before a rename or copy, otherwise {@code null}
     */
    public record Entry(int insertions, int deletions, String path, String oldPath) {
        public boolean binary() {
            return insertions < 0;
        }
    }

    private Numstat() {
    }

    /**
     * Runs {@code git log --numstat -z} with the given extra arguments (e.g. {@code -M},
     * {@code --no-renames}, a branch name) and returns each commit's entries, newest first.
     */
    public static Map<String, List<Entry>> log(GitRepo repo, String... extraArgs) {
        return log(repo, List.of(), extraArgs);
    }

    /** As {@link #log(GitRepo, String...)}, with git's own options before {@code log} ({@code --no-replace-objects}). */
    public static Map<String, List<Entry>> log(GitRepo repo, List<String> gitOptions, String... extraArgs) {
        List<String> args = new ArrayList<>(gitOptions);
        args.addAll(List.of("log", "--numstat", "-z", "--format=%x01%H"));
        args.addAll(List.of(extraArgs));
        String out = repo.git(args.toArray(String[]::new));
        return parse(out);
    }

    static Map<String, List<Entry>> parse(String out) {
        Map<String, List<Entry>> commits = new LinkedHashMap<>();
        for (String block : out.split("\u0001")) {
            if (block.isEmpty()) {
                continue;
            }
            int end = block.indexOf('\n');
            String id = (end < 0 ? block : block.substring(0, end)).replace("\u0000", "").trim();
            List<Entry> entries = new ArrayList<>();
            commits.put(id, entries);
            if (end < 0) {
                continue;
            }
            String[] fields = block.substring(end + 1).split("\u0000", -1);
            int i = 0;
            while (i < fields.length) {
                String field = fields[i].replaceFirst("^\n+", "");
                if (field.isEmpty()) {
                    i++;
                    continue;
                }
                String[] parts = field.split("\t", 3);
                int insertions = parts[0].equals("-") ? -1 : Integer.parseInt(parts[0]);
                int deletions = parts[1].equals("-") ? -1 : Integer.parseInt(parts[1]);
                if (parts[2].isEmpty()) {
                    entries.add(new Entry(insertions, deletions, fields[i + 2], fields[i + 1]));
                    i += 3;
                } else {
                    entries.add(new Entry(insertions, deletions, parts[2], null));
                    i++;
                }
            }
        }
        return commits;
    }
}
