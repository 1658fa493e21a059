package org.gstats.shell.internal;

/** What the shell's Tab offers for an option's value or a command's operand. */
enum ValueCompletion {
    /** Nothing: any text. */
    NONE,
    /** The option's own list of values ({@link CommandOption#completions()}). */
    LISTED,
    /** The report formats whose writers are there now, the option's list when none is. */
    FORMATS,
    /** The plugins the registry knows now, separated by commas. */
    PLUGINS,
    /** {@code SECTION.TABLE}: the tables of this session's last report, else the sections a scan writes. */
    TABLES,
    /** Paths: files and directories. */
    FILES,
    /** Directories. */
    DIRECTORIES
}
