package org.gstats.store.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.gstats.api.report.Report;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.scan.RepositoryScanner;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.store.ScanStore;
import org.gstats.api.store.ScanSummary;
import org.gstats.api.store.StoreException;
import org.gstats.api.store.StoreSession;
import org.gstats.api.store.StoredReport;
import org.gstats.store.internal.schema.Schema;
import org.gstats.store.internal.schema.Tables;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
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
    /** Where sessions keep their scans' spill files ({@link ScanSpill}). */
    private final Path spillFolder;
    private volatile ReportWriter json;
    /** The configured store's connection made before any scan asked ({@link #connectEarly}); null when none is. */
    private final AtomicReference<EarlyConnection> early = new AtomicReference<>();

    @Activate
    public ScanStoreImpl(StoreConfiguration configuration,
            @Reference(name = "scanner") ServiceReference<RepositoryScanner> scanner, BundleContext context) {
        this(configuration, scanner.getBundle().getSymbolicName() + " " + scanner.getBundle().getVersion(),
                System.getenv(), context.getProperty(DEFAULT_URL_PROPERTY), dataArea(context));
    }

    /** Outside a framework: spill files go to the system's temp folder. */
    ScanStoreImpl(StoreConfiguration configuration, String scannerVersion, Map<String, String> environment,
            String defaultUrl) {
        this(configuration, scannerVersion, environment, defaultUrl, Path.of(System.getProperty("java.io.tmpdir")));
    }

    private ScanStoreImpl(StoreConfiguration configuration, String scannerVersion, Map<String, String> environment,
            String defaultUrl, Path spillFolder) {
        this.configuration = configuration;
        this.scannerVersion = scannerVersion;
        this.environment = environment;
        this.defaultUrl = defaultUrl;
        this.spillFolder = spillFolder;
    }

    /**
     * The bundle's data area, inside the framework's storage: the launcher deletes it with a
     * process that was killed (ProcessFolder) or empties it when a cached framework is reused, so
     * a killed scan's spill file does not stay behind, as it would in the system's temp folder.
     */
    private static Path dataArea(BundleContext context) {
        File data = context.getDataFile("");
        return data != null ? data.toPath() : Path.of(System.getProperty("java.io.tmpdir"));
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

    /**
     * Starts connecting to the store at {@code url} (null: the configured one), for a scan about to ask
     * for it ({@link EarlyConnection}): an embedded H2 file that is there already. A new store is
     * created beside the scan anyway, and made here it would be made for a scan whose settings may
     * still turn the store off; a server is left to the scan.
     *
     * @param repositories where the scan's repository may be, most likely first, as a scan names it
     *                     (absolute, normalised): what the store holds of the first it knows is read too
     */
    void connectEarly(String url, List<String> repositories) {
        try {
            Database database = database(url);
            if (database.file().isPresent() && !database.absent()) {
                Optional.ofNullable(early.getAndSet(EarlyConnection.start(database, repositories)))
                        .ifPresent(EarlyConnection::release);
            }
        } catch (StoreException e) {
            // the scan's own open meets the same fault and says it in its one line
        }
    }

    /** Closes a connection made early that no scan took, now or once it is made. */
    @Deactivate
    void deactivate() {
        Optional.ofNullable(early.getAndSet(null)).ifPresent(EarlyConnection::release);
    }

    /** The connection made early and what it read, when it reaches {@code database} (else it is closed). */
    private EarlyConnection.Taken early(Database database) {
        EarlyConnection made = early.getAndSet(null);
        return made == null ? EarlyConnection.Taken.NONE : made.take(database.location());
    }

    @Override
    public StoreSession open(ScanRequest request) throws StoreException {
        if (!enabled(request)) {
            return null;
        }
        Database database = requested(request);
        ReportWriter writer = json;
        EarlyConnection.Taken taken = early(database);
        return StoreSessionImpl.open(database, taken.connection(), taken.prefetched(),
                ChangeSettings.of(request, scannerVersion),
                request.repository().toAbsolutePath().normalize().toString(), HistoryScope.of(request), spillFolder,
                writer == null ? null : report -> deflated(writer, report));
    }

    @Override
    public boolean enabled(ScanRequest request) {
        // this scan's [store] settings, resolved for its repository and command line, before the installation's
        Object setting = request.settings(SECTION).get("enabled");
        boolean enabled = setting == null ? configuration.enabled() : Boolean.parseBoolean(String.valueOf(setting));
        if (!enabled) {
            // a scan without the store: a connection made early for it must not keep the file locked meanwhile
            Optional.ofNullable(early.getAndSet(null)).ifPresent(EarlyConnection::release);
        }
        return enabled;
    }

    /** The report as the writer writes it, deflated as it is written (never whole in memory). */
    private static byte[] deflated(ReportWriter writer, Report report) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        // the fastest level: JSON's repetition still gives a tenth of its size
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater, 1 << 16)) {
            writer.write(report, out);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private static String inflated(byte[] deflated) throws SQLException {
        Inflater inflater = new Inflater();
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated), inflater, 1 << 16)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("the stored report is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static String given(Object value) {
        return value == null || String.valueOf(value).isEmpty() ? null : String.valueOf(value);
    }

    @Override
    public List<ScanSummary> history(Path repository) throws StoreException {
        return history(database(null), repository);
    }

    @Override
    public List<ScanSummary> history(ScanRequest request) throws StoreException {
        return enabled(request) ? history(requested(request), request.repository()) : List.of();
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
            int version = Schema.version(connection);
            if (version < Schema.WITH_REPORTS) {
                return Optional.empty();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT p.path FROM scans s "
                    + "JOIN repositories p ON p.repository_id = s.repository_id WHERE s.scan_id = ?")) {
                select.setLong(1, scanId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String json = keptReport(connection, scanId, version >= Schema.WITH_DEFLATED_REPORTS);
                    return json == null ? Optional.empty()
                            : Optional.of(new StoredReport(scanId, Path.of(row.getString(1)), json));
                }
            }
        } catch (SQLException e) {
            throw Database.failure("cannot read the store at " + database.location().url(), e);
        } finally {
            Database.closeQuietly(connection);
        }
    }

    /**
     * The JSON report kept for a scan, or null when none is: inflated when it is kept deflated
     * (schema 5 on), as it is when kept as text (before). For the fleet too, which reads its
     * tasks' stores over plain JDBC.
     *
     * @param deflated whether the store has the deflated column (a store read without being
     *                 migrated may not)
     */
    public static String keptReport(Connection connection, long scanId, boolean deflated) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT json, "
                + (deflated ? "json_deflated" : "NULL") + " FROM reports WHERE scan_id = ?")) {
            select.setLong(1, scanId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                byte[] bytes = row.getBytes(2);
                return bytes == null ? row.getString(1) : inflated(bytes);
            }
        }
    }

    /** The store at {@code url}, or the configured one when it is null. */
    public Database database(String url) throws StoreException {
        return database(url, null, null);
    }

    /** The store the request's {@code [store]} settings name, else the configured one. */
    private Database requested(ScanRequest request) throws StoreException {
        Map<String, Object> settings = request.settings(SECTION);
        return database(given(settings.get("url")), given(settings.get("user")), given(settings.get("password")));
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
            int version = Schema.version(connection);
            if (version == 0) {
                return List.of();
            }
            // a read does not migrate: a store of an older gstats has no head figures to give
            boolean figures = version >= Tables.SUMMARISED;
            try (PreparedStatement select = connection.prepareStatement("SELECT s.scan_id, s.started, s.branch, "
                    + "s.head_id, s.commits, s.authors, s.files, s.lines, s.duration_ms, s.scope, s.gstats_version"
                    + (figures ? Tables.HEAD_FIGURES.stream().map(figure -> ", s." + figure.column())
                            .collect(Collectors.joining()) : "")
                    + " FROM scans s JOIN repositories r ON r.repository_id = s.repository_id WHERE r.path = ? "
                    + "ORDER BY s.scan_id")) {
                select.setString(1, repository.toAbsolutePath().normalize().toString());
                List<ScanSummary> scans = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        // in the order of Tables.HEAD_FIGURES, which is ScanSummary's
                        Long complexity = figures ? rows.getObject(12, Long.class) : null;
                        Double debtScore = figures ? rows.getObject(13, Double.class) : null;
                        String debtRating = figures ? rows.getString(14) : null;
                        Double duplication = figures ? rows.getObject(15, Double.class) : null;
                        scans.add(new ScanSummary(rows.getLong(1), rows.getObject(2, OffsetDateTime.class)
                                .toInstant(), rows.getString(3), rows.getString(4), rows.getLong(5), rows.getLong(6),
                                rows.getLong(7), rows.getLong(8), rows.getLong(9), rows.getString(10), complexity,
                                debtScore, debtRating, duplication, rows.getString(11)));
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
