package org.gstats.shell.internal;

import java.util.List;
import java.util.Objects;

/**
 * One option of a command: a row of its option table ({@link ScanOptionTable} for
 * {@code gstats:scan}). The table is the one place an option is declared; parsing, the
 * command's {@code --help}, completion, the check of a choice and the configuration key it sets
 * all read the row.
 *
 * @param name        the long name, e.g. {@code --format}
 * @param shortName   a one-letter alias such as {@code -v}, or {@code null}
 * @param arity       whether it takes a value, and whether it may be repeated
 * @param valueName   what the value is, for help ({@code FORMAT}); {@code null} for a flag
 * @param help        one line for {@code --help}
 * @param completions the values a shell may offer after the option (empty: any)
 * @param key         its configuration key, e.g. {@code scanner.renames}, or {@code null} for none
 * @param keyUse      how the option and its key meet
 * @param flagValue   for a flag with a key: the value the flag gives the key ({@code false} for
 *                    {@code --no-renames}); {@code null} otherwise
 * @param completes   what the shell's Tab offers for the value
 */
record CommandOption(String name, String shortName, Arity arity, String valueName, String help,
        List<String> completions, String key, KeyUse keyUse, String flagValue, ValueCompletion completes) {

    /** Whether an option takes a value. */
    enum Arity {
        /** No value: given or not. */
        FLAG,
        /** One value, given once at most. */
        VALUE,
        /** One value each time; may be given again to add another. */
        REPEATED
    }

    /** How an option and its configuration key meet. */
    enum KeyUse {
        /** No key. */
        NONE,
        /**
         * The option is the key's command-line rung: its value goes to the configuration, which
         * checks it, and the key's value in effect is the option's.
         */
        SETS,
        /**
         * The key fills the option when it is not given; a given value is kept as given and
         * checked by the command (a glob may hold a comma; some checks are stricter on the
         * command line). A configured empty text, empty list or 0 leaves the option unset.
         */
        FILLS
    }

    CommandOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arity, "arity");
        Objects.requireNonNull(help, "help");
        completions = List.copyOf(completions);
        Objects.requireNonNull(completes, "completes");
        if ((arity == Arity.FLAG) != (valueName == null)) {
            throw new IllegalArgumentException(name + ": a flag has no value name, a value option has one");
        }
        if ((key == null) != (keyUse == KeyUse.NONE)) {
            throw new IllegalArgumentException(name + ": a key needs its use, and a use its key");
        }
        if (flagValue != null && (arity != Arity.FLAG || key == null)) {
            throw new IllegalArgumentException(name + ": only a flag with a key has a flag value");
        }
        if (arity == Arity.FLAG && completes != ValueCompletion.NONE) {
            throw new IllegalArgumentException(name + ": a flag has no value to complete");
        }
    }

    /**
     * The name, which tells an option from the others of its table: the generated hash of every field spins
     * method handles on its first call, some milliseconds of each command's parse.
     */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** A flag; with a key, giving it sets the key to {@code flagValue}. */
    static CommandOption flag(String name, String help, String key, String flagValue) {
        return new CommandOption(name, null, Arity.FLAG, null, help, List.of(), key,
                key == null ? KeyUse.NONE : KeyUse.SETS, flagValue, ValueCompletion.NONE);
    }

    /** An option with one value that sets {@code key} (or none when {@code null}). */
    static CommandOption value(String name, String valueName, String help, String key) {
        return new CommandOption(name, null, Arity.VALUE, valueName, help, List.of(), key,
                key == null ? KeyUse.NONE : KeyUse.SETS, null, ValueCompletion.NONE);
    }

    /** An option with one value, checked by the command, that {@code key} fills when not given. */
    static CommandOption filledBy(String name, String valueName, String help, String key) {
        return new CommandOption(name, null, Arity.VALUE, valueName, help, List.of(), key, KeyUse.FILLS, null,
                ValueCompletion.NONE);
    }

    /** An option that may be given several times; the list {@code key} fills it when not given. */
    static CommandOption repeated(String name, String valueName, String help, String key) {
        return new CommandOption(name, null, Arity.REPEATED, valueName, help, List.of(), key,
                key == null ? KeyUse.NONE : KeyUse.FILLS, null, ValueCompletion.NONE);
    }

    CommandOption withShortName(String alias) {
        return new CommandOption(name, alias, arity, valueName, help, completions, key, keyUse, flagValue,
                completes);
    }

    /** The values to offer after the option; a value outside them is refused by whoever checks it. */
    CommandOption completing(String... values) {
        return new CommandOption(name, shortName, arity, valueName, help, List.of(values), key, keyUse, flagValue,
                ValueCompletion.LISTED);
    }

    /** What Tab offers for the value, when it is more than a fixed list (the list, if any, stays for the help). */
    CommandOption completing(ValueCompletion kind) {
        return new CommandOption(name, shortName, arity, valueName, help, completions, key, keyUse, flagValue, kind);
    }

    boolean takesValue() {
        return arity != Arity.FLAG;
    }

    /** How the user may write it: {@code -v/--verbose}. */
    String spelled() {
        return shortName == null ? name : shortName + "/" + name;
    }

    boolean matches(String token) {
        return name.equals(token) || token.equals(shortName);
    }
}
