package org.gstats.config.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema of the shipped bundles on the test class path, read from their generated
 * {@code OSGI-INF/metatype} files with Felix MetaType's own reader ({@link ClassPathMetaType}),
 * as the MetaType service reads them in the framework.
 */
final class ShippedSchema {

    private static final List<Schema.Declaration> DECLARATIONS = declarations();
    private static final Schema SCHEMA = Schema.of(DECLARATIONS);

    private ShippedSchema() {
    }

    static Schema get() {
        return SCHEMA;
    }

    /** The shipped schema with a plugin's declaration added, as when its bundle is dropped in. */
    static Schema with(Schema.Declaration plugin) {
        List<Schema.Declaration> declarations = new ArrayList<>(DECLARATIONS);
        declarations.add(plugin);
        return Schema.of(declarations);
    }

    private static List<Schema.Declaration> declarations() {
        try {
            return ClassPathMetaType.definitions(ShippedSchema.class.getClassLoader()).stream()
                    .map(entry -> new Schema.Declaration(entry.getKey(), entry.getValue())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
