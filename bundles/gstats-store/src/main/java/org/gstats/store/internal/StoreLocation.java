package org.gstats.store.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the store is and who to be there: the scan's {@code --store} (a request option), else
 * {@code GSTATS_STORE}, else {@code [store] url}, else the embedded H2 file under
 * {@code $XDG_CACHE_HOME/gstats/} ({@code ~/.cache/gstats/}); user and password from
 * {@code GSTATS_STORE_USER} / {@code GSTATS_STORE_PASSWORD}, else the configuration.
 */
public record StoreLocation(String url, String user, String password) {

    static final String ENV_URL = "GSTATS_STORE";
    static final String ENV_USER = "GSTATS_STORE_USER";
    static final String ENV_PASSWORD = "GSTATS_STORE_PASSWORD";
    static final String FILE_NAME = "store";

    public StoreLocation {
        Objects.requireNonNull(url, "url");
    }

    /**
     * @param requested the scan's own URL, or null
     * @param configured {@code [store] url}, or empty
     */
    static StoreLocation resolve(String requested, String configured, String configuredUser,
            String configuredPassword, Map<String, String> environment) {
        String url = firstNonEmpty(requested, environment.get(ENV_URL), configured);
        if (url == null) {
            url = embeddedUrl(environment);
        }
        return new StoreLocation(url, firstNonEmpty(environment.get(ENV_USER), configuredUser),
                firstNonEmpty(environment.get(ENV_PASSWORD), configuredPassword));
    }

    static String embeddedUrl(Map<String, String> environment) {
        String cache = environment.get("XDG_CACHE_HOME");
        Path dir = cache != null && !cache.isEmpty() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache");
        return h2Url(dir.resolve("gstats").resolve(FILE_NAME));
    }

    /** An H2 file store at {@code file} (H2 adds {@code .mv.db}). */
    static String h2Url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath();
    }

    private static String firstNonEmpty(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
