package org.gstats.launcher;

import java.util.List;

/**
 * Turns a command name and its arguments into one Gogo command line that hands the command
 * exactly those strings: each argument is single-quoted, so spaces, {@code $}, brackets and
 * braces stay literal, and a quoted number stays a string. Gogo has no escape inside single
 * quotes, so an embedded quote closes the quoting, adds an escaped quote and reopens it, as in
 * a POSIX shell.
 */
final class GogoQuoting {

    private GogoQuoting() {
    }

    /** The command line for {@code command} (left unquoted: Gogo does not look up a quoted name). */
    static String commandLine(String command, List<String> arguments) {
        StringBuilder line = new StringBuilder(command);
        for (String argument : arguments) {
            line.append(' ').append(quote(argument));
        }
        return line.toString();
    }

    static String quote(String argument) {
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
