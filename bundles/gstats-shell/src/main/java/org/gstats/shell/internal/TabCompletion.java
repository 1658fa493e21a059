package org.gstats.shell.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gstats.api.report.Report;
import org.gstats.api.scan.PluginInfo;
import org.gstats.api.scan.PluginState;

/**
 * What Tab offers for the word being typed after a gstats command, from the command's
 * {@link OptionTable}: after an option that takes a value, what the option's row says it
 * completes; elsewhere, what the command's operands are. Option names themselves are declared
 * once per session from the same table ({@link CompletionCommands}). The shell filters the
 * offers by what is typed.
 */
final class TabCompletion {

    /** The session variable holding the table names of the session's last report. */
    static final String LAST_TABLES = "gstats.tables";

    /** What completion draws on, asked at the moment Tab is pressed. */
    interface Sources {
        /** The report formats whose writers are there. */
        List<String> formats();

        /** The plugins the registry knows. */
        List<PluginInfo> plugins();

        /** The {@code SECTION.TABLE} names of this session's last report; empty before the first. */
        List<String> tables();
    }

    /**
     * One offer.
     *
     * @param value       what replaces the typed word
     * @param display     what the list of offers shows
     * @param description a few words beside it, or {@code null}
     * @param complete    whether the word is finished (a space follows) or goes on ({@code commits.})
     */
    record Offer(String value, String display, String description, boolean complete) {
    }

    /**
     * The answer: offers, or paths (files or directories) for the shell's own path completion.
     *
     * @param offers the values to offer
     * @param paths  {@link ValueCompletion#FILES} or {@link ValueCompletion#DIRECTORIES} for paths,
     *               else {@link ValueCompletion#NONE}
     */
    record Answer(List<Offer> offers, ValueCompletion paths) {
        Answer {
            offers = List.copyOf(offers);
        }

        static Answer of(List<Offer> offers) {
            return new Answer(offers, ValueCompletion.NONE);
        }
    }

    private TabCompletion() {
    }

    /**
     * @param before the words after the command's name, before the one being typed
     * @param typed  the word being typed, up to the cursor
     */
    static Answer complete(OptionTable table, List<String> before, String typed, Sources sources) {
        String previous = before.isEmpty() ? null : before.get(before.size() - 1);
        Optional<CommandOption> option = previous == null ? Optional.empty()
                : table.option(previous).filter(CommandOption::takesValue);
        ValueCompletion kind = option.map(CommandOption::completes).orElse(table.operands());
        List<String> listed = option.map(CommandOption::completions).orElse(List.of());
        return switch (kind) {
            case NONE -> Answer.of(List.of());
            case LISTED -> Answer.of(words(listed));
            case FORMATS -> Answer.of(words(sources.formats().isEmpty() ? listed : sources.formats()));
            case PLUGINS -> Answer.of(plugins(typed, sources.plugins()));
            case TABLES -> Answer.of(tables(sources));
            case FILES, DIRECTORIES -> new Answer(List.of(), kind);
        };
    }

    private static List<Offer> words(List<String> words) {
        return words.stream().map(word -> new Offer(word, word, null, true)).toList();
    }

    /** Plugin names after those already typed, comma-separated: {@code commits,me} offers {@code commits,metrics}. */
    private static List<Offer> plugins(String typed, List<PluginInfo> plugins) {
        String head = typed.substring(0, typed.lastIndexOf(',') + 1);
        Set<String> chosen = Set.copyOf(Arrays.asList(head.split(",")));
        List<Offer> offers = new ArrayList<>();
        for (PluginInfo plugin : plugins) {
            if (!chosen.contains(plugin.name())) {
                offers.add(new Offer(head + plugin.name(), plugin.name(), plugin.state() == PluginState.ACTIVE
                        ? plugin.description() : plugin.state().name().toLowerCase(java.util.Locale.ROOT), true));
            }
        }
        return offers;
    }

    /** The last report's tables; before a report, the sections a scan writes, to go on with the table's name. */
    private static List<Offer> tables(Sources sources) {
        if (!sources.tables().isEmpty()) {
            return words(sources.tables());
        }
        List<Offer> offers = new ArrayList<>();
        offers.add(new Offer(Report.ENGINE_SECTION + ".", Report.ENGINE_SECTION + ".", null, false));
        for (PluginInfo plugin : sources.plugins()) {
            if (plugin.state() == PluginState.ACTIVE) {
                offers.add(new Offer(plugin.name() + ".", plugin.name() + ".", null, false));
            }
        }
        return offers;
    }
}
