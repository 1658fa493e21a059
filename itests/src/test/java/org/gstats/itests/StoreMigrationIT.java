package org.gstats.itests;

import static org.gstats.itests.GogoCommands.quote;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import javax.inject.Inject;

import org.gstats.itests.GogoCommands.Outcome;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.gstats.testkit.PostgresServer;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The store's schema migrations by Flyway in the shipped system: Flyway is a bundle of its own,
 * finds its database support and the store's steps from inside Felix, and migrates an older
 * store on H2 and on a real PostgreSQL server through the drivers' DataSourceFactory, without a
 * line of its own on the scan's error stream. A fresh store is created at the current version
 * without Flyway.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StoreMigrationIT {

    /** The schema version the shipped store writes; a new step is a new version here too. */
    private static final int CURRENT = 14;

    @Inject
    private BundleContext context;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        return ShippedSystem.options();
    }

    @Test
    public void flywayIsABundleOfItsOwnThatTheStoreWiresTo() {
        Bundle flyway = bundle("org.gstats.flyway");
        assertNotNull("the Flyway bundle is installed", flyway);
        assertTrue("resolved: " + flyway.getState(), (flyway.getState() & (Bundle.RESOLVED | Bundle.ACTIVE)) != 0);
        Bundle store = bundle("gstats-store");
        assertNotNull("the store bundle is installed", store);
        assertEquals(Bundle.ACTIVE, store.getState());
        assertTrue("the store imports Flyway's API from it", store.adapt(BundleWiring.class)
                .getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .anyMatch(wire -> "org.flywaydb.core".equals(wire.getCapability().getAttributes()
                        .get(PackageNamespace.PACKAGE_NAMESPACE)) && wire.getProvider().getBundle().equals(flyway)));
    }

    @Test
    public void anOlderH2StoreIsMigratedByFlyway() throws Exception {
        String url = context.getProperty("gstats.store.url") + "-migration";
        createThenMigrate("org.h2.Driver", url);
    }

    @Test
    public void anOlderPostgresStoreIsMigratedByFlyway() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            String url = server.newDatabase("migration") + "?user=" + PostgresServer.USER + "&password="
                    + PostgresServer.PASSWORD;
            createThenMigrate("org.postgresql.Driver", url);
        }
    }

    /**
     * A first scan creates the store without Flyway; a store one version behind (the last step
     * again: each step may run twice) is brought forward by Flyway from that baseline.
     */
    private void createThenMigrate(String driver, String url) throws Exception {
        scan(url);
        assertEquals(List.of(), migrations(driver, url));
        execute(driver, url, "UPDATE store_schema SET version = " + (CURRENT - 1));
        scan(url);
        assertEquals(List.of(Integer.toString(CURRENT - 1), Integer.toString(CURRENT)), migrations(driver, url));
    }

    /** A stored scan of a new repository into the store at that URL; nothing of Flyway's on its error stream. */
    private void scan(String url) throws Exception {
        GitRepo repo = GitRepo.init(Files.createTempDirectory(SampleRepository.workDir(), "migration-"));
        repo.write("README", "hi\n").commit("initial", new Person("Ann", "ann@example.com"),
                Instant.parse("2024-01-01T10:00:00Z"));
        Outcome scan = new GogoCommands(context).execute("scan",
                "--format json --store " + quote(url) + " " + quote(repo.dir()));
        assertNull(scan.failure());
        // the scan's own progress lines only: Flyway's go to gstats' log, below its default level
        String errors = scan.errors() == null ? "" : scan.errors();
        assertTrue(errors, errors.lines().allMatch(line -> line.startsWith("gstats: ")));
        assertFalse(errors, errors.toLowerCase(Locale.ROOT).contains("flyway"));
    }

    /** The versions Flyway recorded in the store's history table, oldest first; none when it has no history. */
    private List<String> migrations(String driver, String url) throws Exception {
        try (Connection connection = connect(driver, url)) {
            if (!connection.getMetaData().getTables(null, null, "store_migrations", null).next()) {
                return List.of();
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT \"version\" FROM \"store_migrations\" "
                            + "WHERE \"version\" IS NOT NULL AND \"success\" ORDER BY \"installed_rank\"")) {
                List<String> versions = new ArrayList<>();
                while (rows.next()) {
                    versions.add(rows.getString(1));
                }
                return versions;
            }
        }
    }

    private void execute(String driver, String url, String sql) throws Exception {
        try (Connection connection = connect(driver, url); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    /** A connection through the driver bundle's DataSourceFactory, as the store gets its own. */
    private Connection connect(String driver, String url) throws Exception {
        var reference = context.getServiceReferences(DataSourceFactory.class,
                "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + driver + ")").iterator().next();
        DataSourceFactory factory = context.getService(reference);
        try {
            Properties properties = new Properties();
            properties.setProperty(DataSourceFactory.JDBC_URL, url);
            return factory.createDataSource(properties).getConnection();
        } finally {
            context.ungetService(reference);
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }
}
