package org.gstats.shell.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code --author} (repeatable, any may match) and {@code --exclude-author} (repeatable, none
 * may match) as the one author regular expression a scan request carries: the scanner looks
 * for it in each commit's {@code Name <email>}, as {@code git log --author} does. Each pattern
 * keeps its own group, so that an alternation or an inline flag in one stays inside it.
 */
final class AuthorFilter {

    private AuthorFilter() {
    }

    /** The combined expression, or {@code null} when neither option is given. */
    static String regex(List<String> authors, List<String> excludedAuthors) {
        if (authors.isEmpty() && excludedAuthors.isEmpty()) {
            return null;
        }
        if (excludedAuthors.isEmpty()) {
            return authors.size() == 1 ? authors.get(0) : anyOf(authors);
        }
        // anchored look-aheads: found nowhere in the line, and (if asked) found somewhere in it
        return "^(?!.*" + anyOf(excludedAuthors) + ")" + (authors.isEmpty() ? "" : "(?=.*" + anyOf(authors) + ")");
    }

    private static String anyOf(List<String> patterns) {
        return patterns.stream().map(pattern -> "(?:" + pattern + ")").collect(Collectors.joining("|", "(?:", ")"));
    }
}
