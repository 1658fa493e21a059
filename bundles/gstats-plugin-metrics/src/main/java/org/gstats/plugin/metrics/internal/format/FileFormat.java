package org.gstats.plugin.metrics.internal.format;

/**
 * What format detection decided about one file.
 *
 * @param language   the text language, or {@code null} for binary and unrecognised files
 * @param category   what the file is for; {@link Category#VENDORED} and {@link Category#GENERATED}
 *                   win over the language's own category
 * @param binaryKind for binary files, what they hold; otherwise {@code null}
 * @param confidence 0..1, how sure detection is (see docs/metrics.md, the table of sources)
 */
public record FileFormat(Language language, Category category, BinaryKind binaryKind, double confidence) {

    public String languageName() {
        return language == null ? null : language.name();
    }
}
