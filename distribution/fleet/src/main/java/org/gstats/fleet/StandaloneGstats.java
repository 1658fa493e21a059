package org.gstats.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

import org.gstats.api.scan.ScanEngine;
import org.gstats.engine.internal.StandaloneEngine;
import org.gstats.memory.internal.MemoryTrackerImpl;
import org.gstats.plugin.commits.internal.CommitsPlugin;
import org.gstats.plugin.export.internal.JsonReportWriter;
import org.gstats.plugin.metrics.internal.MetricsPlugin;
import org.gstats.queue.internal.MessageQueueFactoryImpl;
import org.gstats.scanner.internal.JGitRepositoryScanner;
import org.gstats.store.internal.ScanStoreImpl;
import org.h2.util.OsgiDataSourceFactory;
import org.osgi.service.jdbc.DataSourceFactory;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * gstats as plain libraries in a Spark JVM, wired once per JVM by hand as DS wires it in Felix:
 * the same scanner, queue, memory tracker, engine, builtin plugins and store (H2 and PostgreSQL),
 * with their installation defaults. Each scan's settings and store travel in its request, so
 * tasks that run at once in one executor share nothing but the engine.
 */
final class StandaloneGstats {

    /** The JDBC drivers' factories by driver class, as their bundles register them in Felix. */
    static final Map<String, DataSourceFactory> DRIVERS = Map.of(
            org.h2.Driver.class.getName(), new OsgiDataSourceFactory(new org.h2.Driver()),
            org.postgresql.Driver.class.getName(), new PGDataSourceFactory());

    private static volatile ScanEngine engine;

    private StandaloneGstats() {
    }

    static ScanEngine engine() {
        ScanEngine current = engine;
        if (current == null) {
            synchronized (StandaloneGstats.class) {
                current = engine;
                if (current == null) {
                    current = create();
                    engine = current;
                }
            }
        }
        return current;
    }

    private static ScanEngine create() {
        MemoryTrackerImpl memory = MemoryTrackerImpl.standalone();
        // the report kept in the store's reports table, as in Felix, so gstats serve shows fleet-scanned repositories
        ScanStoreImpl store = ScanStoreImpl.standalone(scannerVersion(), DRIVERS, new JsonReportWriter());
        return StandaloneEngine.create(new JGitRepositoryScanner(), List.of(new CommitsPlugin(), new MetricsPlugin()),
                MessageQueueFactoryImpl.standalone(memory), memory, store);
    }

    /** As the store names the scanner in OSGi: its bundle's symbolic name and version. */
    private static String scannerVersion() {
        URL classFile = JGitRepositoryScanner.class.getResource(JGitRepositoryScanner.class.getSimpleName() + ".class");
        String base = String.valueOf(classFile);
        base = base.substring(0, base.length()
                - (JGitRepositoryScanner.class.getName().replace('.', '/') + ".class").length());
        try (InputStream in = new URL(base + "META-INF/MANIFEST.MF").openStream()) {
            Manifest manifest = new Manifest(in);
            return manifest.getMainAttributes().getValue("Bundle-SymbolicName") + " "
                    + manifest.getMainAttributes().getValue("Bundle-Version");
        } catch (IOException e) {
            return "org.gstats.scanner unknown";
        }
    }
}
