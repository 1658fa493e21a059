package org.gstats.store.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gstats.api.report.ReportWriter;
import org.gstats.api.scan.RepositoryScanner;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.store.ScanStore;
import org.gstats.api.store.ScanSummary;
import org.gstats.api.store.StoreException;
import org.gstats.api.store.StoreSession;
import org.gstats.api.store.StoredReport;
import org.gstats.store.internal.schema.Schema;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The store as a service: finds the location for each scan ({@link StoreLocation}), the
 * driver's {@link DataSourceFactory} for it, and the scanner's version for the
 * {@link ChangeSettings}, so that a new scanner never replays an older one's changes.
 */
@Component(service = {ScanStore.class, ScanStoreImpl.class}, configurationPid = StoreConfiguration.PID)
@Designate(ocd = StoreConfiguration.class)
public final class ScanStoreImpl implements ScanStore {

    /** The configuration section a scan request carries the store's per-scan settings in. */
    static final String SECTION = "store";

    private final Map<String, DataSourceFactory> factories = new ConcurrentHashMap<>();
    private final StoreConfiguration configuration;
    private final String scannerVersion;
    private final Map<String, String> environment;

    /**
     * The framework property {@value #DEFAULT_URL_PROPERTY} replaces the H2 file under the user's
     * cache as the last default, e.g. for tests that must not touch it.
     */
    static final String DEFAULT_URL_PROPERTY = "gstats.store.url";

    private final String defaultUrl;
    private volatile ReportWriter json;

    @Activate
    public ScanStoreImpl(StoreConfiguration configuration,
            @Reference(name = "scanner") ServiceReference<RepositoryScanner> scanner, BundleContext context) {
        this(configuration, scanner.getBundle().getSymbolicName() + " " + scanner.getBundle().getVersion(),
                System.getenv(), context.getProperty(DEFAULT_URL_PROPERTY));
    }

    ScanStoreImpl(StoreConfiguration configuration, String scannerVersion, Map<String, String> environment,
            String defaultUrl) {
        this.configuration = configuration;
        this.scannerVersion = scannerVersion;
        this.environment = environment;
        this.defaultUrl = defaultUrl;
    }

    /**
     * A store outside OSGi, for the fleet's Spark tasks: every scan names its database, and the
     * user and password there, in the request's {@code [store]} settings.
     *
     * @param factories the drivers' factories by driver class, e.g. H2's {@code OsgiDataSourceFactory}
     *                  for {@code org.h2.Driver}
     * @param json      the json format, whose output the store keeps as each repository's latest
     *                  report, as the DS reference gives it in Felix
     */
    public static ScanStoreImpl standalone(String scannerVersion, Map<String, DataSourceFactory> factories,
            ReportWriter json) {
        ScanStoreImpl store = new ScanStoreImpl(new StoreConfiguration() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return StoreConfiguration.class;
            }

            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public String url() {
                return "";
            }

            @Override
            public String user() {
                return "";
            }

            @Override
            public String password() {
                return "";
            }
        }, scannerVersion, Map.of(), null);
        store.factories.putAll(factories);
        store.json = json;
        return store;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=*)")
    void addFactory(DataSourceFactory factory, Map<String, Object> properties) {
        factories.put(String.valueOf(properties.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS)), factory);
    }

    void removeFactory(DataSourceFactory factory, Map<String, Object> properties) {
        factories.remove(String.valueOf(properties.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS)), factory);
    }

    /** The json format, whose output the store keeps as each repository's latest report (none without it). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + ReportWriter.FORMAT_PROPERTY + "=json)")
    void setJson(ReportWriter writer) {
        json = writer;
    }

    void unsetJson(ReportWriter writer) {
        if (json == writer) {
            json = null;
        }
    }

    @Override
    public StoreSession open(ScanRequest request) throws StoreException {
        // this scan's [store] settings, resolved for its repository and command line, before the installation's
        Map<String, Object> settings = request.settings(SECTION);
        Object enabled = settings.get("enabled");
        if (enabled == null ? !configuration.enabled() : !Boolean.parseBoolean(String.valueOf(enabled))) {
            return null;
        }
        Database database = database(given(settings.get("url")), given(settings.get("user")),
                given(settings.get("password")));
        ReportWriter writer = json;
        return StoreSessionImpl.open(database, ChangeSettings.of(request, scannerVersion),
                request.repository().toAbsolutePath().normalize().toString(),
                writer == null ? null : report -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    writer.write(report, out);
                    return out.toString(StandardCharsets.UTF_8);
                });
    }

    private static String given(Object value) {
        return value == null || String.valueOf(value).isEmpty() ? null : String.valueOf(value);
    }

    @Override
    public List<ScanSummary> history(Path repository) throws StoreException {
        return history(database(null), repository);
    }

    @Override
    public List<Path> repositories() throws StoreException {
        Database database = database(null);
        Connection connection = database.openForReading();
        try {
            if (Schema.version(connection) == 0) {
                return List.of();
            }
            List<Path> paths = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT path FROM repositories ORDER BY path");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    paths.add(Path.of(rows.getString(1)));
                }
            }
            return paths;
        } catch (SQLException e) {
            throw Database.failure("cannot read the store at " + database.location().url(), e);
        } finally {
            Database.closeQuietly(connection);
        }
    }

    @Override
    public Optional<StoredReport> report(long scanId) throws StoreException {
        Database database = database(null);
        Connection connection = database.openForReading();
        try {
            if (Schema.version(connection) < Schema.WITH_REPORTS) {
                return Optional.empty();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT p.path, r.json FROM reports r "
                    + "JOIN scans s ON s.scan_id = r.scan_id JOIN repositories p ON p.repository_id = s.repository_id "
                    + "WHERE r.scan_id = ?")) {
                select.setLong(1, scanId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new StoredReport(scanId, Path.of(row.getString(1)),
                            row.getString(2))) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw Database.failure("cannot read the store at " + database.location().url(), e);
        } finally {
            Database.closeQuietly(connection);
        }
    }

    /** The store at {@code url}, or the configured one when it is null. */
    public Database database(String url) throws StoreException {
        return database(url, null, null);
    }

    /** As {@link #database(String)}, with this scan's user and password (null: the configured ones). */
    private Database database(String url, String user, String password) throws StoreException {
        String configured = configuration.url().isEmpty() && defaultUrl != null ? defaultUrl : configuration.url();
        StoreLocation location = StoreLocation.resolve(url, configured, user != null ? user : configuration.user(),
                password != null ? password : configuration.password(), environment);
        return Database.of(location, factories::get);
    }

    public static List<ScanSummary> history(Database database, Path repository) throws StoreException {
        Connection connection = database.openForReading();
        // closed on every path, an empty store's too: an embedded H2 file stays locked to other
        // processes while a connection to it is open
        try {
            if (Schema.version(connection) == 0) {
                return List.of();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT s.scan_id, s.started, s.branch, "
                    + "s.head_id, s.commits, s.authors, s.files, s.lines, s.duration_ms FROM scans s JOIN repositories"
                    + " r ON r.repository_id = s.repository_id WHERE r.path = ? ORDER BY s.scan_id")) {
                select.setString(1, repository.toAbsolutePath().normalize().toString());
                List<ScanSummary> scans = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        scans.add(new ScanSummary(rows.getLong(1), rows.getObject(2, OffsetDateTime.class)
                                .toInstant(), rows.getString(3), rows.getString(4), rows.getLong(5), rows.getLong(6),
                                rows.getLong(7), rows.getLong(8), rows.getLong(9)));
                    }
                }
                return scans;
            }
        } catch (SQLException e) {
            throw Database.failure("cannot read the store at " + database.location().url(), e);
        } finally {
            Database.closeQuietly(connection);
        }
    }
}
