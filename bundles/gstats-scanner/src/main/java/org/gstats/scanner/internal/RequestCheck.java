package org.gstats.scanner.internal;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;

/** The request's filters checked before the repository is opened, each problem in one line. */
final class RequestCheck {

    private RequestCheck() {
    }

    static void check(ScanRequest request) throws ScanException {
        if (request.author() != null) {
            if (request.author().isEmpty()) {
                throw badInput("empty author pattern (leave it out to take every author)");
            }
            try {
                Pattern.compile(request.author());
            } catch (PatternSyntaxException e) {
                throw badInput("invalid author pattern '" + request.author() + "': " + e.getDescription()
                        + " (a Java regular expression, e.g. 'Ann|ann@example\\.com')");
            }
        }
        checkGlobs("include", request.includes());
        checkGlobs("exclude", request.excludes());
    }

    private static void checkGlobs(String kind, List<String> globs) throws ScanException {
        for (String glob : globs) {
            String problem = PathGlobs.problem(glob);
            if (problem != null) {
                throw badInput("invalid " + kind + " glob '" + glob + "': it " + problem);
            }
        }
    }

    private static ScanException badInput(String message) {
        return new ScanException(ScanException.Reason.BAD_INPUT, message);
    }
}
