package org.gstats.store.internal.schema;

import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Flyway as the store uses it: the steps are Java migrations ({@link Step}) whose DDL
 * {@link Tables} derives, given to Flyway directly rather than found on the class path, and its
 * history is kept in {@value #HISTORY_TABLE}. A store that a gstats before Flyway wrote has no
 * history: Flyway records its version as the baseline and runs the steps after it.
 */
public final class Migrations {

    /** Flyway's record of the steps it ran, beside the store's tables. */
    public static final String HISTORY_TABLE = "store_migrations";

    /** {@link #HISTORY_TABLE} in SQL: Flyway quotes its name, which H2 then keeps in lower case. */
    public static final String HISTORY_TABLE_SQL = '"' + HISTORY_TABLE + '"';

    private static final JavaMigration[] STEPS = IntStream.rangeClosed(1, Schema.CURRENT).mapToObj(Step::new)
            .toArray(JavaMigration[]::new);

    private Migrations() {
    }

    /**
     * @param version the store's version now, 0 for none: Flyway's baseline when it has no history
     */
    static Flyway flyway(DataSource dataSource, int version) {
        // Flyway finds its database support (ServiceLoader) through the loader given here: its own bundle's
        return Flyway.configure(Flyway.class.getClassLoader())
                // named: Flyway's own choice wants slf4j's binding visible to it, else logs on stderr
                .loggers("slf4j")
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(new String[0])
                .javaMigrations(STEPS)
                .baselineOnMigrate(true)
                .baselineVersion(Integer.toString(version))
                .baselineDescription("gstats store schema " + version + ", before Flyway")
                .load();
    }
}
