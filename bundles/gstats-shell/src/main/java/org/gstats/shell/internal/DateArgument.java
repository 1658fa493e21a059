package org.gstats.shell.internal;

import java.time.Clock;
import java.time.Instant;

import org.gstats.config.api.GitDate;

/**
 * The values {@code --since} and {@code --until} take, as {@link GitDate} reads them (git's
 * forms and gstats' short ages); text that is no date is bad usage naming the option.
 */
final class DateArgument {

    private DateArgument() {
    }

    /** The first instant meant by {@code --since}: a date means the start of that day. */
    static Instant since(String value, Clock clock) throws CommandFailure {
        try {
            return GitDate.since(value, clock);
        } catch (IllegalArgumentException e) {
            throw invalid("--since", value);
        }
    }

    /** The last instant meant by {@code --until}: a date includes that whole day. */
    static Instant until(String value, Clock clock) throws CommandFailure {
        try {
            return GitDate.until(value, clock);
        } catch (IllegalArgumentException e) {
            throw invalid("--until", value);
        }
    }

    private static CommandFailure invalid(String option, String value) {
        return CommandFailure.badUsage("invalid date for " + option + ": '" + value + "' (use " + GitDate.EXAMPLES
                + ")");
    }
}
