package org.gstats.plugin.metrics.internal.format;

import org.gstats.plugin.metrics.internal.text.Syntax;

/**
 * A text format gstats recognises.
 *
 * @param name     cloc's name for it, so that counts compare by name ("Java", "Bourne Shell")
 * @param category what files of this language are for, unless their path says more
 * @param syntax   comments and strings, for line counting and clone detection
 * @param analyzer the language name the complexity analyser takes, or {@code null} when it
 *                 has no analyser for it
 */
public record Language(String name, Category category, Syntax syntax, String analyzer) {
}
