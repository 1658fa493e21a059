package org.gstats.store.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;

import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.scan.ScanTarget;
import org.gstats.api.scan.ScanWarning;
import org.gstats.api.scan.StoredWalk;
import org.gstats.api.store.StoreException;
import org.gstats.api.store.StoreSession;
import org.gstats.store.internal.schema.Schema;
import org.gstats.store.internal.schema.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scan's use of the store. On open it reads every commit's changes recorded under the scan's
 * {@link ChangeSettings} that it may replay ({@link RecordedChanges}: one encoded value per commit,
 * decoded when the walk asks for it), then the content plugins' per-blob results on a thread of its
 * own while the scan walks (the plugins ask for them at the head). The open's connection is held for the history's
 * writer, so that H2 opens an embedded store once a scan: an embedded H2 file stays locked to
 * other processes meanwhile, and one of two processes scanning at once runs without the store,
 * with one line. A store that is not
 * there yet (an H2 file) holds nothing: it is not read, and is created on a thread of its own while
 * the scan starts and walks. It keeps the
 * scan's commits that have something to write (new to the repository's rows, or diffed) and
 * their computed changes in a temporary file ({@link ScanSpill}: memory stays flat
 * however long the history), the head's rows in memory. Once every commit is told (the head's
 * first file), a second thread takes the open's connection (or the new store's) and writes the new
 * commits and their changes, then the content plugins' per-blob results put by then
 * ({@link StoredBlobResults}), while the scan reads the head and the plugins finish; on
 * {@link #finish} the session waits for it, then, on its connection, writes the head's files,
 * functions and hotspots (unless they are the repository's previous scan's: then the scan shares
 * them), the per-blob results put since and the scan's summary in one last transaction. The
 * file is deleted when the session finishes or closes (a failed or cancelled scan closes it, once
 * the second thread has stopped).
 *
 * <p>Commits and their changes, like per-blob results, are facts that stay true whatever becomes
 * of the scan, so they are committed in steps of about {@value #BATCH} rows, each commit's rows
 * and value together: H2 writes the pages of a long transaction to its file several times over
 * before the commit rewrites them all (a cold scan of commons-lang left a file of 34 MB with 14 MB
 * live in one transaction, 17 MB in steps). A scan that fails part-way leaves commits whose
 * changes are recorded, whole and true, which the next scan replays, and no scan: its row, head
 * rows and report go together.
 *
 * <p>Changes are recorded only from scans without scanner warnings while they walk the history: a
 * commit diffed against a missing parent (a shallow or damaged clone) has changes that a complete
 * clone would not give.
 */
final class StoreSessionImpl implements StoreSession {

    private static final Logger LOG = LoggerFactory.getLogger("gstats.store");
    private static final int BATCH = 1000;
    /** Writes of a scan that met another scan's rows: the last attempt's failure is reported. */
    private static final int WRITE_ATTEMPTS = 3;

    /**
     * A unique key taken by another transaction (SQL standard 23505), a serialization failure
     * (40001), and H2's concurrent update of a row (90131) or lock timeout (HYT00).
     */
    private static final Set<String> CONCURRENT_WRITE_STATES = Set.of("23505", "40001", "90131", "HYT00");

    private final Database database;
    private final ChangeSettings settings;
    /** The history options that limit this scan's commits, in words; null for the whole history. */
    private final String scope;
    /** Where the scan's spill file goes: the bundle's data area in a framework. */
    private final Path spillFolder;
    /**
     * Recorded changes by commit id, encoded ({@link ChangeCodec}), of the commits not {@link #settled}:
     * every commit's under the settings when the store did not know the repository, else none.
     */
    private final Map<String, byte[]> known;
    /**
     * The recorded changes of the commits the repository's rows already name: there is nothing to
     * write for these, so they do not go to the spill (an unchanged rescan spills nothing).
     */
    private final Map<String, byte[]> settled;
    /**
     * The repository's commits that the store has (as rows of commits or pending) without their changes under the
     * settings, when the session opened: the commits it did not settle that the store has all the same.
     */
    private final Set<String> unsettledRecorded;
    /** The repository's id when the session opened; null when the store did not know it. */
    private final Long repositoryId;
    /** The repository's path as the session was opened for it. */
    private final String repository;
    /**
     * Whether the scan's repository is the one the session opened for, so that the settled
     * commits are its own (a scan of a work tree's subfolder reports the work tree).
     */
    private boolean settling;
    /** One String per path the replayed changes name, however many commits changed it. */
    private final Map<String, String> paths = new ConcurrentHashMap<>();
    /** The report as deflated JSON, or null when no JSON writer is there (then no report is kept). */
    private final ReportJson reportJson;
    /** The repository's kept walk under the scan's change settings; null when the store has none. */
    private final KeptWalk keptWalk;
    /**
     * The scan's walk as it is told, when the scanner says it tells the whole walk and the store does not
     * keep the same one already; else null.
     */
    private WalkCodec.Writer walk;
    /** The fingerprint of the identities the scan's walk was told with. */
    private String walkIdentities;
    /** The walk's value, encoded on a thread of its own once the history is told; null until then. */
    private FutureTask<byte[]> walkValue;

    /**
     * The per-blob results the store had for the repository's head: none for a new store, or when
     * their read failed (the plugins then compute what they would have found).
     */
    private final CompletableFuture<StoredBlobResults> blobResults = new CompletableFuture<>();
    /** What the latest scan under these settings told of its head's blobs, read with the per-blob results. */
    private final CompletableFuture<RecordedHeadFiles> recordedFiles = new CompletableFuture<>();
    /**
     * The per-blob results read beside the scan, then the open's connection, held for the history's
     * writer: closing it would have H2 close an embedded database (writing and syncing its file) and
     * the writer's open read the file and run its schema's statements again. Null for a new store.
     */
    private FutureTask<Connection> reading;
    private ScanTarget target;
    /** The commits so far and the changes computed for them, in a temporary file; null until the scan starts. */
    private ScanSpill spill;
    /** The commits the scan reported, spilled or settled. */
    private long commits;
    /** The ids of the commits spilled, while there are at most {@value #BATCH} (as {@link #diffed}); else null. */
    private List<String> spilled = new ArrayList<>();
    /** Why the spill cannot be written (then finish refuses); null while it can. */
    private IOException spillFailure;
    /** The commit whose changes are arriving, appended to the spill when the next commit (or the end) comes. */
    private CommitInfo pending;
    /** The pending commit's computed changes; null when the store had them. */
    private List<FileChange> current;
    private final Set<String> authors = new HashSet<>();
    private final List<FileInfo> files = new ArrayList<>();
    private final Map<String, String> blobIds = new HashMap<>();
    /**
     * The ids of the commits this scan diffed (the store had not their changes), while there are
     * at most {@value #BATCH}: the write then looks up just these rather than every recorded id;
     * null when there are more.
     */
    private List<String> diffed = new ArrayList<>();
    private boolean warned;
    private boolean finished;
    /**
     * The store opened (created, when it was not there) and the new commits and their changes
     * written, on a thread of their own since the history was told (the first head file), while
     * the plugins finish: its connection, committed, is the last transaction's. Null until then,
     * or when the scan is written all at once.
     */
    private FutureTask<Connection> history;
    /**
     * A new store being created beside the scan, for the history's writer; null when the store was
     * there (read when the session opened).
     */
    private FutureTask<Connection> creating;
    /** Tells the history's writer to stop: the scan failed or was cancelled. */
    private volatile boolean abandoned;

    private StoreSessionImpl(Database database, ChangeSettings settings, String scope, Path spillFolder,
            Map<String, byte[]> known, String repository, Long repositoryId, RecordedChanges.Read settled,
            ReportJson reportJson, KeptWalk keptWalk) {
        this.database = database;
        this.settings = settings;
        this.spillFolder = spillFolder;
        this.scope = scope;
        this.known = known;
        this.repository = repository;
        this.repositoryId = repositoryId;
        this.settled = settled.changes();
        this.unsettledRecorded = settled.withoutChanges();
        this.reportJson = reportJson;
        this.keptWalk = keptWalk;
    }

    /** A walk the store keeps: the head it started from, the identities' fingerprint, the value. */
    record KeptWalk(String headId, String identities, byte[] value) {
    }

    /**
     * What a connection made early read of a repository while the framework started
     * ({@link EarlyConnection}): under the change settings of its latest stored scan, its commits'
     * recorded changes and its kept walk. The open uses them when the scan names that repository
     * (its id) and those settings, and reads them itself otherwise; the path is for the log.
     */
    record Prefetched(String repository, long repositoryId, long settingsId, RecordedChanges.Read settled,
            KeptWalk walk) {
    }

    /**
     * Reads what the open would read of the first of {@code repositories} (paths as a scan names them)
     * that the store holds, under the settings of its latest scan; null when none is there, or the
     * store is not at this gstats' schema (the open migrates it first, so anything read before is
     * not what it would read). Only reads: the scan that takes the connection checks and migrates.
     */
    static Prefetched prefetch(Connection connection, List<String> repositories) throws SQLException {
        try {
            if (Schema.version(connection) != Schema.CURRENT) {
                return null;
            }
            for (String repository : repositories) {
                Long repositoryId = storedRepositoryId(connection, repository);
                if (repositoryId == null) {
                    continue;
                }
                Long settingsId = latestSettingsId(connection, repositoryId);
                return settingsId == null ? null : new Prefetched(repository, repositoryId, settingsId,
                        RecordedChanges.read(connection, settingsId, repositoryId),
                        keptWalk(connection, repositoryId, settingsId));
            }
            return null;
        } finally {
            connection.rollback();
        }
    }

    private static Long latestSettingsId(Connection connection, long repositoryId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT settings_id FROM scans "
                + "WHERE repository_id = ? ORDER BY scan_id DESC FETCH FIRST 1 ROWS ONLY")) {
            select.setLong(1, repositoryId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    /** Writes a report as the json format does, deflated. */
    @FunctionalInterface
    interface ReportJson {
        byte[] of(Report report) throws IOException;
    }

    /**
     * @param early      a connection to {@code database} made before the scan asked, neither migrated nor checked
     *                   yet ({@link EarlyConnection}), or null: the open connects
     * @param prefetched what that connection read of a repository before the scan asked, or null
     * @param repository the repository's path as the scan will name it
     * @param scope      the history options that limit the scan's commits ({@link HistoryScope}), null for none
     * @param spillFolder where the scan's spill file goes ({@link ScanSpill})
     * @param reportJson the json format, whose output is kept deflated as the repository's latest report; null for
     *                   none
     */
    static StoreSessionImpl open(Database database, Connection early, Prefetched prefetched, ChangeSettings settings,
            String repository, String scope, Path spillFolder, ReportJson reportJson) throws StoreException {
        if (early == null && database.absent()) {
            // a store that is not there holds nothing: the scan need not wait for it, it is created on a thread of
            // its own while the scan starts and walks, for the history's writer
            LOG.debug("the store at {} is new: created beside the scan", database.location().url());
            StoreSessionImpl session = new StoreSessionImpl(database, settings, scope, spillFolder, new HashMap<>(),
                    repository, null, RecordedChanges.Read.none(), reportJson, null);
            session.blobResults.complete(StoredBlobResults.none());
            session.recordedFiles.complete(RecordedHeadFiles.NONE);
            session.creating = started(database::open, "gstats-store-create");
            return session;
        }
        Connection connection = early != null ? database.prepare(early, System.nanoTime()) : database.open();
        try {
            long start = System.nanoTime();
            Long settingsId = settingsId(connection, settings);
            Long repositoryId = storedRepositoryId(connection, repository);
            // a stored repository replays its own commits only, so that what a rescan reads is bounded by its
            // history, not by the store's; a path scanned the first time may share commits with any stored one
            // (a clone, a fork) and reads every commit's changes under the settings
            // the same repository's id (a path has one) and the same settings: what this open would read
            boolean read = prefetched != null && Long.valueOf(prefetched.repositoryId()).equals(repositoryId)
                    && Long.valueOf(prefetched.settingsId()).equals(settingsId);
            RecordedChanges.Read settled = read ? prefetched.settled()
                    : repositoryId == null ? RecordedChanges.Read.none()
                    : RecordedChanges.read(connection, settingsId, repositoryId);
            Map<String, byte[]> known = repositoryId == null
                    ? RecordedChanges.read(connection, settingsId, null).changes() : new HashMap<>();
            long loaded = System.nanoTime();
            KeptWalk walk = read ? prefetched.walk() : keptWalk(connection, repositoryId, settingsId);
            LOG.debug("store read: {} commits' changes ({} of them the repository's) in {} ms, a kept walk of {} "
                    + "bytes in {} ms{}", known.size() + settled.changes().size(), settled.changes().size(),
                    (loaded - start) / 1_000_000,
                    walk == null ? 0 : walk.value().length, (System.nanoTime() - loaded) / 1_000_000,
                    read ? ", both read while the framework started" : "");
            StoreSessionImpl session = new StoreSessionImpl(database, settings, scope, spillFolder, known, repository,
                    repositoryId, settled, reportJson, walk);
            session.reading = started(() -> session.readBlobResults(connection, settingsId), "gstats-store-read");
            return session;
        } catch (SQLException | RuntimeException e) {
            Database.closeQuietly(connection);
            throw Database.failure("cannot read the store at " + database.location().url(), e);
        }
    }

    /**
     * Reads the per-blob results on the open's connection, which it then hands on to the history's
     * writer; closes it when the read fails (the writer then opens the store anew, and a damaged
     * store fails the write in one line).
     */
    private Connection readBlobResults(Connection connection, Long settingsId) throws SQLException {
        long start = System.nanoTime();
        try {
            blobResults.complete(StoredBlobResults.load(connection, repository));
            RecordedHeadFiles told = RecordedHeadFiles.load(connection, repositoryId, settingsId);
            recordedFiles.complete(told);
            connection.rollback();
            LOG.debug("per-blob results, and what was told of {} head blobs, read in {} ms beside the scan",
                    told.size(), (System.nanoTime() - start) / 1_000_000);
            return connection;
        } catch (SQLException | RuntimeException e) {
            LOG.debug("the stored per-blob results were not read: {}", Database.oneLine(e));
            Database.closeQuietly(connection);
            throw e;
        } finally {
            // whatever happened, the plugins do not wait for it again
            blobResults.complete(StoredBlobResults.none());
            recordedFiles.complete(RecordedHeadFiles.NONE);
        }
    }

    /** The repository's kept walk, when a scan under these change settings kept it; else null. */
    private static KeptWalk keptWalk(Connection connection, Long repositoryId, Long settingsId) throws SQLException {
        if (repositoryId == null || settingsId == null) {
            return null;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT s.head_id, w.identities, w.commits "
                + "FROM walks w JOIN scans s ON s.scan_id = w.scan_id WHERE s.repository_id = ? AND s.settings_id = ?")) {
            select.setLong(1, repositoryId);
            select.setLong(2, settingsId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new KeptWalk(row.getString(1), row.getString(2), row.getBytes(3)) : null;
            }
        }
    }

    private static Long storedRepositoryId(Connection connection, String path) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT repository_id FROM repositories WHERE path = ?")) {
            select.setString(1, path);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    static Long settingsId(Connection connection, ChangeSettings settings) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT settings_id FROM settings WHERE fingerprint = ?")) {
            select.setString(1, settings.fingerprint());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    /** How many commits the store knew under these settings when the session opened. */
    int knownCommits() {
        return known.size() + settled.size();
    }

    /**
     * The commit's recorded changes; null (diff it) when none are, or they cannot be decoded:
     * a damaged value costs the commit's diff, never the scan.
     */
    @Override
    public List<FileChange> recorded(String commitId) {
        byte[] encoded = known.get(commitId);
        if (encoded == null) {
            encoded = settled.get(commitId);
        }
        if (encoded == null) {
            return null;
        }
        try {
            return ChangeCodec.decode(commitId, encoded, paths);
        } catch (IllegalArgumentException e) {
            LOG.warn("{} in the store; diffing the commit again", e.getMessage());
            return null;
        }
    }

    @Override
    public StoredWalk walked(String identities) {
        if (keptWalk == null || !keptWalk.identities().equals(identities)) {
            return null;
        }
        StoredWalk walked;
        try {
            walked = WalkCodec.decode(keptWalk.value());
        } catch (IllegalArgumentException e) {
            LOG.warn("{} in the store; walking the history again", e.getMessage());
            return null;
        }
        for (String id : walked.ids()) {
            // every commit of the walk has its value (a merge's is empty) unless gc dropped it since
            if (!known.containsKey(id) && !settled.containsKey(id)) {
                return null;
            }
        }
        return walked;
    }

    /** Whether the store keeps the walk from this head with these identities. */
    private boolean keeps(String headId, String identities) {
        return keptWalk != null && keptWalk.headId().equals(headId) && keptWalk.identities().equals(identities);
    }

    /**
     * The walk is kept for the scans of the whole history only, and written only when the store does
     * not keep the same one (an unchanged rescan writes none).
     */
    @Override
    public void walking(String identities) {
        if (scope == null && target != null && target.headId() != null && !keeps(target.headId(), identities)) {
            walk = new WalkCodec.Writer();
            walkIdentities = identities;
        }
    }

    @Override
    public FileInfo recordedFile(String path, String blobId) {
        return recordedFiles.join().of(path, blobId);
    }

    @Override
    public byte[] get(String analyser, String blobId) {
        return blobResults.join().get(analyser, blobId);
    }

    @Override
    public void put(String analyser, String blobId, byte[] result) {
        blobResults.join().put(analyser, blobId, result);
    }

    @Override
    public String storedHeadId() {
        return blobResults.join().storedHeadId();
    }

    @Override
    public void onStart(ScanTarget scanTarget) {
        target = scanTarget;
        settling = !settled.isEmpty() && scanTarget.repository().toString().equals(repository);
        try {
            spill = ScanSpill.create(spillFolder);
        } catch (IOException | RuntimeException e) {
            spillFailure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void onCommit(CommitInfo commit) {
        spillPending();
        commits++;
        authors.add(String.valueOf(commit.authorEmail()));
        if (walk != null) {
            walk.add(commit);
        }
        if (settling && settled.containsKey(commit.id())) {
            return;
        }
        pending = commit;
        current = known.containsKey(commit.id()) || settled.containsKey(commit.id()) ? null : new ArrayList<>();
    }

    /** Appends the pending commit and its changes to the spill; a failure is kept for finish to report. */
    private void spillPending() {
        if (pending == null || spill == null || spillFailure != null) {
            return;
        }
        try {
            spill.append(pending, current == null ? null : ChangeCodec.encode(current));
            spilled = noted(spilled, pending.id());
            if (current != null) {
                diffed = noted(diffed, pending.id());
            }
        } catch (IOException e) {
            spillFailure = e;
            discardSpill();
        } finally {
            pending = null;
            current = null;
        }
    }

    /** The list with the id added; null (too many to look up one by one) past {@value #BATCH} ids. */
    private static List<String> noted(List<String> ids, String id) {
        if (ids == null || ids.size() == BATCH) {
            return null;
        }
        ids.add(id);
        return ids;
    }

    /** The spill file, while there is one. */
    Path spillFile() {
        return spill == null ? null : spill.file();
    }

    /** Deletes the spill file; a file that cannot be deleted is only logged (the temporary folder keeps it). */
    private void discardSpill() {
        if (spill == null) {
            return;
        }
        try {
            spill.close();
        } catch (IOException e) {
            LOG.warn("cannot delete the scan's temporary file {}: {}", spill.file(), e.getMessage());
        }
        spill = null;
    }

    @Override
    public void onFileChange(FileChange change) {
        if (current != null) {
            current.add(change);
        }
    }

    @Override
    public void onWarning(ScanWarning warning) {
        warned = true;
    }

    @Override
    public void onFileInfo(FileInfo file) {
        if (files.isEmpty()) {
            historyTold();
        }
        files.add(file);
    }

    /**
     * Every commit is told once the head's files come: their rows and changes go in on a second
     * thread while the scan reads the head and the plugins finish, instead of after them. The
     * changes go only when no warning came before: a commit's warnings come before the next
     * commit (or the head's files), so a commit whose diff met a missing object or parent is
     * never among them, and a later warning (at the head) says nothing of them.
     */
    private void historyTold() {
        spillPending();
        if (walk != null && walkValue == null && !warned) {
            // the walk is whole: encoded beside the head's files and the plugins, not in the last transaction
            walkValue = started(walk::value, "gstats-store-walk");
        }
        if (history != null || spill == null || spillFailure != null) {
            return;
        }
        boolean changes = !warned;
        history = started(() -> writeHistoryAlone(changes), "gstats-store-history");
    }

    /**
     * Takes the open's connection (or the new store's) and writes the history's rows, committed
     * in steps, then has H2 write them to its file; rolled back and closed where it fails. The open
     * connection is handed to the last transaction: H2 closes an embedded database with its last
     * connection (writing and syncing its file) and opens it again with the next (reading it,
     * re-running its schema's statements), and neither belongs on the scan's path.
     */
    private Connection writeHistoryAlone(boolean changes) throws StoreException, SQLException, IOException {
        Connection connection = creating == null ? held() : created();
        try {
            long repositoryId = checkedRepositoryId(connection);
            long settingsId = ensureSettings(connection);
            connection.commit();
            writeHistory(connection, repositoryId, settingsId, changes);
            // the per-blob results put by now are facts too (a blob's bytes and an analyser's version name them):
            // written here, beside the plugins, they leave the last transaction only those put since
            Runnable blobResultsWritten = blobResults.join().write(connection);
            connection.commit();
            blobResultsWritten.run();
            // H2's pages of the history go to the file here, not in the last transaction's checkpoint
            database.checkpoint(connection);
            // finish uses it, or close() closes it
            return connection;
        } catch (SQLException | IOException | RuntimeException e) {
            Database.abandon(connection, e);
            throw e;
        }
    }

    /** The open's connection, once the per-blob results are read; a new one when their read failed. */
    private Connection held() throws StoreException {
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while the store was read", e);
        } catch (ExecutionException e) {
            // it closed its connection; a store that cannot be read fails this open in one line
            return database.open();
        }
    }

    /** The new store's connection, once created. */
    private Connection created() throws StoreException {
        try {
            return creating.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while the store was created", e);
        } catch (ExecutionException e) {
            throw failure(e, "cannot create the store at ");
        }
    }

    /** A store thread's failure: its own StoreException, or one line saying {@code what} and the store's URL. */
    private StoreException failure(ExecutionException e, String what) {
        if (e.getCause() instanceof StoreException store) {
            return store;
        }
        if (e.getCause() instanceof Exception cause) {
            return Database.failure(what + database.location().url(), cause);
        }
        throw new IllegalStateException(e.getCause());
    }

    /**
     * Waits for the history's writer. Its open connection, the history written; null when there
     * was no writer, or it met another scan's rows (the scan's write then writes what is left).
     *
     * @throws StoreException when it failed otherwise
     */
    private Connection historyWritten() throws StoreException {
        if (history == null) {
            return null;
        }
        try {
            return history.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while the scan's commits were written to the store", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql && concurrentWrite(sql)) {
                return null;
            }
            throw failure(e, "cannot write the scan to the store at ");
        }
    }

    @Override
    public void onFileContent(FileContent content) {
        if (content.blobId() != null) {
            blobIds.put(content.path(), content.blobId());
        }
    }

    @Override
    public void finish(Report report) throws StoreException {
        if (finished || target == null) {
            throw new IllegalStateException("a session records one scan that started");
        }
        finished = true;
        spillPending();
        if (spillFailure != null) {
            discardSpill();
            throw Database.failure("cannot keep the scan's commits in a temporary file", spillFailure);
        }
        try {
            // the report's JSON is written and deflated on a second core while the writer ends and the rows go in
            FutureTask<byte[]> json = started(() -> json(report), "gstats-store-report");
            long waiting = System.nanoTime();
            Connection written = historyWritten();
            if (history != null) {
                // what the scan did not hide of its history's write (-v shows it beside "scan stored in")
                LOG.debug("waited {} ms for the scan's commits to be written",
                        (System.nanoTime() - waiting) / 1_000_000);
            }
            write(report, json, written);
        } finally {
            discardSpill();
        }
    }

    /**
     * @param written the history's writer's connection, the new commits and their changes written; null when they
     *                are to be written here
     */
    private void write(Report report, FutureTask<byte[]> json, Connection written) throws StoreException {
        boolean historyWritten = written != null;
        for (int attempt = 1;; attempt++) {
            Connection connection = attempt == 1 && written != null ? written : database.open();
            try {
                long start = System.nanoTime();
                write(connection, report, json, historyWritten);
                long rows = System.nanoTime();
                connection.commit();
                database.checkpoint(connection);
                long checkpointed = System.nanoTime();
                Database.closeQuietly(connection);
                // -v: the last transaction's parts, the close being H2's own (it writes and syncs an embedded file)
                LOG.debug("the scan's rows written in {} ms, committed and checkpointed in {} ms, "
                        + "the store closed in {} ms",
                        (rows - start) / 1_000_000, (checkpointed - rows) / 1_000_000,
                        (System.nanoTime() - checkpointed) / 1_000_000);
                return;
            } catch (SQLException | IOException | RuntimeException e) {
                Database.abandon(connection, e);
                if (attempt == WRITE_ATTEMPTS || !(e instanceof SQLException sql && concurrentWrite(sql))) {
                    throw Database.failure("cannot write the scan to the store at " + database.location().url(), e);
                }
            }
        }
    }

    /**
     * Another scan wrote the same rows at the same time (the same repository's first scan, the
     * same new commits): writing again sees its rows and adds only the rest.
     */
    private static boolean concurrentWrite(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // a batch's own failure is the next exception, with the state that says why
            for (SQLException sql = cause instanceof SQLException first ? first : null; sql != null;
                    sql = sql.getNextException()) {
                // a state may be null (Set.of's contains refuses null)
                if (sql.getSQLState() != null && CONCURRENT_WRITE_STATES.contains(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The report as deflated JSON; null when there is no writer, or it failed (the scan is still recorded). */
    private byte[] json(Report report) {
        if (reportJson == null) {
            return null;
        }
        try {
            return reportJson.of(report);
        } catch (IOException | RuntimeException e) {
            LOG.warn("the report is not kept in the store: {}", e.getMessage());
            return null;
        }
    }

    /** The report's deflated JSON once written; null when it is not kept. */
    private static byte[] awaited(FutureTask<byte[]> json) {
        try {
            return json.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("the report is not kept in the store: interrupted");
            return null;
        } catch (ExecutionException e) {
            // json() reports its own failures and returns null; only an Error gets here
            throw new IllegalStateException(e.getCause());
        }
    }

    private void write(Connection connection, Report report, FutureTask<byte[]> json, boolean historyWritten)
            throws SQLException, IOException {
        long repositoryId = checkedRepositoryId(connection);
        long settingsId = ensureSettings(connection);
        connection.commit();
        if (!historyWritten) {
            writeHistory(connection, repositoryId, settingsId, !warned);
        }
        long start = System.nanoTime();
        // keyed by Tables' constants, by identity: a record's first hashCode spins its method handles, some
        // milliseconds of a rescan's last transaction for each of Table, Shared and Column
        Map<Tables.Table, List<List<Object>>> headRows = new IdentityHashMap<>();
        for (Tables.Table table : Tables.FROM_REPORT) {
            headRows.put(table, reportRows(table, report));
        }
        headRows.put(Tables.HEAD_FILES, fileRows());
        // on a second core, each kind of rows encoded and digested: a first scan writes its files meanwhile (a rescan
        // compares first)
        FutureTask<Map<Tables.Shared, HeadRows.Encoded>> encoded = started(() -> encoded(headRows),
                "gstats-store-head-rows");
        Map<Tables.Shared, Long> shared = sharedRows(connection, repositoryId, encoded);
        long scanId = insertScan(connection, report, repositoryId, settingsId, shared);
        for (Tables.Shared rows : Tables.SHARED) {
            if (shared.containsKey(rows)) {
                continue;
            }
            // the files as rows: the next scan's open reads the latest head's blob ids from them
            if (rows.rows() == Tables.HEAD_FILES) {
                insertFiles(connection, scanId);
            } else {
                HeadRows.write(connection, scanId, rows.rows(), computed(encoded).get(rows));
            }
        }
        long headRowsWritten = System.nanoTime();
        completeScan(connection, scanId, shared, computed(encoded));
        long digested = System.nanoTime();
        blobResults.join().write(connection);
        long perBlob = System.nanoTime();
        byte[] deflated = awaited(json);
        long serialised = System.nanoTime();
        if (deflated != null) {
            keepLatest(connection, Tables.REPORTS, "json_deflated", repositoryId, scanId, deflated);
        }
        if (walk != null && !warned && walk.count() == commits && commits > 0) {
            keepLatest(connection, Tables.WALKS, "identities, commits", repositoryId, scanId, walkIdentities,
                    walkValue());
        }
        // -v: the parts of "the scan's rows written in"
        LOG.debug("the scan's row and head rows in {} ms, their digests awaited {} ms, per-blob results in {} ms, "
                + "the report's JSON awaited {} ms and written in {} ms", (headRowsWritten - start) / 1_000_000,
                (digested - headRowsWritten) / 1_000_000, (perBlob - digested) / 1_000_000,
                (serialised - perBlob) / 1_000_000, (System.nanoTime() - serialised) / 1_000_000);
    }

    /** The repository's id, its row added when new. */
    private long checkedRepositoryId(Connection connection) throws SQLException {
        long id = repositoryId(connection, target.repository().toString());
        if (settling && this.repositoryId != id) {
            // the repository was cleared from the store during the scan: its settled commits' rows are gone
            throw new SQLException("the repository's rows were removed from the store while the scan ran");
        }
        return id;
    }

    /**
     * The new commits' rows and (unless the scan warned) their changes, in one reading of the
     * spill, committed in steps of about {@value #BATCH} rows. A commit's changes go in as its value
     * only, each step's values listed in one row of pending_changes: file_changes' rows are derived
     * from them when that table is read ({@link ChangeRows}). A concurrent scan's value makes the
     * step fail with the key's violation, and the write, tried again, skips what it finds.
     */
    private void writeHistory(Connection connection, long repositoryId, long settingsId, boolean changes)
            throws SQLException, IOException {
        boolean newCommits = spilled == null || !spilled.isEmpty();
        boolean newChanges = changes && (diffed == null || !diffed.isEmpty());
        if (!newCommits && !newChanges) {
            return;
        }
        // which of them the store has: a settling scan knows from its open (a commit another scan recorded since
        // is written twice, which the open and the rows' expansion both take once); another asks the store
        Set<String> stored = !newCommits ? null
                : settling ? unsettledRecorded : CommitRows.stored(connection, repositoryId, spilled);
        Set<String> encoded = newChanges
                ? recorded(connection, Tables.COMMIT_CHANGES.name(), "settings_id", settingsId, diffed) : null;
        try (CommitRows.Step step = new CommitRows.Step(connection, repositoryId);
                PreparedStatement value = connection.prepareStatement(
                        "INSERT INTO commit_changes (settings_id, commit_id, changes) VALUES (?, ?, ?)");
                PreparedStatement pending = connection.prepareStatement(
                        "INSERT INTO pending_changes (settings_id, commit_ids) VALUES (?, ?)")) {
            int[] rows = {0};
            StringBuilder valued = new StringBuilder();
            spill.read((scanned, encodedChanges) -> {
                stopIfAbandoned();
                String id = scanned.id();
                if (newCommits && !stored.contains(id)) {
                    step.add(scanned);
                    rows[0]++;
                }
                if (newChanges && encodedChanges != null && !encoded.contains(id)) {
                    value.setLong(1, settingsId);
                    value.setString(2, id);
                    value.setBytes(3, encodedChanges);
                    value.addBatch();
                    valued.append(valued.isEmpty() ? "" : " ").append(id);
                    rows[0]++;
                }
                if (rows[0] >= BATCH) {
                    executeStep(connection, step, value, pending, settingsId, valued);
                    rows[0] = 0;
                }
            });
            executeStep(connection, step, value, pending, settingsId, valued);
        }
    }

    /**
     * One step of the history's rows, committed with the lists of its commits and values, whose rows a read of
     * commits or file_changes adds.
     */
    private static void executeStep(Connection connection, CommitRows.Step commits, PreparedStatement values,
            PreparedStatement pending, long settingsId, StringBuilder valued) throws SQLException {
        commits.write();
        values.executeBatch();
        if (!valued.isEmpty()) {
            pending.setLong(1, settingsId);
            pending.setString(2, valued.toString());
            pending.executeUpdate();
            valued.setLength(0);
        }
        connection.commit();
    }

    /** The work, started on a thread of its own. */
    private static <T> FutureTask<T> started(Callable<T> work, String name) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /** Each kind of the head's rows encoded, with its digest. */
    private static Map<Tables.Shared, HeadRows.Encoded> encoded(Map<Tables.Table, List<List<Object>>> headRows) {
        Map<Tables.Shared, HeadRows.Encoded> encoded = new IdentityHashMap<>();
        for (Tables.Shared rows : Tables.SHARED) {
            encoded.put(rows, HeadRows.encoded(rows.rows(), headRows.get(rows.rows())));
        }
        return encoded;
    }

    private static Map<Tables.Shared, HeadRows.Encoded> computed(
            FutureTask<Map<Tables.Shared, HeadRows.Encoded>> encoded) throws SQLException {
        try {
            return encoded.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the scan was written", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * For each kind of head rows that are the same (same digest) as the repository's latest
     * scan's, the scan that wrote them: a rescan writes only the kinds that changed (none for an
     * unchanged head; the files, not the functions, when the new commits changed no function).
     * The digests are awaited only when the repository has a scan to compare with.
     */
    private static Map<Tables.Shared, Long> sharedRows(Connection connection, long repositoryId,
            FutureTask<Map<Tables.Shared, HeadRows.Encoded>> encoded) throws SQLException {
        String columns = Tables.SHARED.stream().map(rows -> rows.from() + ", " + rows.digest())
                .collect(Collectors.joining(", "));
        Map<Tables.Shared, Long> shared = new IdentityHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + columns + " FROM scans "
                + "WHERE repository_id = ? ORDER BY scan_id DESC LIMIT 1")) {
            select.setLong(1, repositoryId);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    int column = 1;
                    for (Tables.Shared rows : Tables.SHARED) {
                        long from = row.getLong(column);
                        boolean written = !row.wasNull();
                        if (written && computed(encoded).get(rows).digest().equals(row.getString(column + 1))) {
                            shared.put(rows, from);
                        }
                        column += 2;
                    }
                }
            }
        }
        return shared;
    }

    /** The head's files as their rows' values, for the digest. */
    private List<List<Object>> fileRows() {
        List<List<Object>> rows = new ArrayList<>(files.size());
        for (FileInfo file : files) {
            rows.add(Arrays.asList(file.path(), file.size(), file.lines(), file.binary(), blobIds.get(file.path())));
        }
        return rows;
    }

    /**
     * The repository's row of {@code table}, which keeps its latest scan's only (its report, drawn
     * again; its walk, replayed), is this scan's now: earlier scans' rows go.
     */
    private static void keepLatest(Connection connection, Tables.Table table, String columns, long repositoryId,
            long scanId, Object... values) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table.name() + " WHERE scan_id IN "
                + "(SELECT scan_id FROM scans WHERE repository_id = ?)")) {
            delete.setLong(1, repositoryId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table.name() + " (scan_id, "
                + columns + ") VALUES (?" + ", ?".repeat(values.length) + ")")) {
            insert.setLong(1, scanId);
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 2, values[i]);
            }
            insert.executeUpdate();
        }
    }

    /** The walk's value, as encoded beside the scan (or now, when no head file told the history's end). */
    private byte[] walkValue() throws IOException {
        if (walkValue == null) {
            return walk.value();
        }
        try {
            return walkValue.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the scan's walk was encoded", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A report table's rows, column by column name: a column the report lacks stays null. */
    private static List<List<Object>> reportRows(Tables.Table table, Report report) {
        Table source = reportTable(report, table.source());
        if (source == null) {
            return List.of();
        }
        List<Tables.Column> columns = table.reportColumns();
        int[] at = columns.stream().mapToInt(column -> source.columns().indexOf(column.name())).toArray();
        List<List<Object>> rows = new ArrayList<>(source.rows().size());
        for (List<Object> row : source.rows()) {
            Object[] values = new Object[at.length];
            for (int i = 0; i < at.length; i++) {
                values[i] = at[i] < 0 ? null : row.get(at[i]);
            }
            rows.add(Arrays.asList(values));
        }
        return rows;
    }

    private static Table reportTable(Report report, String sectionAndTable) {
        return reportItem(report, sectionAndTable) instanceof Table table ? table : null;
    }

    /** A value of a report's fields ("section.fields"); null when the report lacks it, or it is null. */
    private static Object reportField(Report report, String sectionAndFields, String key) {
        return reportItem(report, sectionAndFields) instanceof Fields fields ? fields.values().get(key) : null;
    }

    /** The report's item "section.item"; null when it has none of that name. */
    private static ReportItem reportItem(Report report, String sectionAndItem) {
        String[] parts = sectionAndItem.split("\\.", 2);
        for (ReportSection section : report.sections()) {
            if (section.name().equals(parts[0])) {
                for (ReportItem item : section.items()) {
                    if (item.name().equals(parts[1])) {
                        return item;
                    }
                }
            }
        }
        return null;
    }

    private static long repositoryId(Connection connection, String path) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT repository_id FROM repositories WHERE path = ?")) {
            select.setString(1, path);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return row.getLong(1);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO repositories (path) VALUES (?)",
                new String[] {"repository_id"})) {
            insert.setString(1, path);
            insert.executeUpdate();
            return generatedId(insert);
        }
    }

    private long ensureSettings(Connection connection) throws SQLException {
        Long id = settingsId(connection, settings);
        if (id != null) {
            return id;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO settings (fingerprint, description) VALUES (?, ?)", new String[] {"settings_id"})) {
            insert.setString(1, settings.fingerprint());
            insert.setString(2, settings.description());
            insert.executeUpdate();
            return generatedId(insert);
        }
    }

    private void stopIfAbandoned() throws SQLException {
        if (abandoned) {
            throw new SQLException("the scan stopped before it was stored");
        }
    }

    /**
     * @param shared for each kind of head rows this scan shares, the scan that wrote them; the
     *               others it writes itself
     */
    private long insertScan(Connection connection, Report report, long repositoryId, long settingsId,
            Map<Tables.Shared, Long> shared) throws SQLException {
        long lines = files.stream().filter(file -> !file.binary()).mapToLong(FileInfo::lines).sum();
        String figureColumns = Tables.HEAD_FIGURES.stream().map(figure -> ", " + figure.column())
                .collect(Collectors.joining());
        String figureMarks = ", ?".repeat(Tables.HEAD_FIGURES.size());
        String sharedColumns = Tables.SHARED.stream().map(rows -> ", " + rows.from()).collect(Collectors.joining());
        String sharedMarks = ", ?".repeat(Tables.SHARED.size());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scans (repository_id, settings_id, "
                + "started, branch, head_id, commits, authors, files, lines, duration_ms, gstats_version, scope"
                + figureColumns + sharedColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + figureMarks
                + sharedMarks + ")",
                new String[] {"scan_id"})) {
            insert.setLong(1, repositoryId);
            insert.setLong(2, settingsId);
            insert.setObject(3, OffsetDateTime.ofInstant(report.header().started(), ZoneOffset.UTC),
                    Types.TIMESTAMP_WITH_TIMEZONE);
            insert.setString(4, target.branch());
            insert.setString(5, target.headId());
            insert.setLong(6, commits);
            insert.setLong(7, authors.size());
            insert.setLong(8, files.size());
            insert.setLong(9, lines);
            insert.setLong(10, report.header().durationMs());
            insert.setString(11, report.header().version());
            insert.setString(12, scope);
            int column = 13;
            // the head's figures as the report gives them; null without their plugin
            for (Tables.ReportFigure figure : Tables.HEAD_FIGURES) {
                Object value = reportField(report, figure.fields(), figure.key());
                if (value == null) {
                    insert.setNull(column, figure.jdbcType());
                } else {
                    insert.setObject(column, value, figure.jdbcType());
                }
                column++;
            }
            for (Tables.Shared rows : Tables.SHARED) {
                Long from = shared.get(rows);
                if (from == null) {
                    insert.setNull(column, Types.BIGINT);
                } else {
                    insert.setLong(column, from);
                }
                column++;
            }
            insert.executeUpdate();
            return generatedId(insert);
        }
    }

    /**
     * The scan's row names the rows it wrote itself (its id is known only once inserted) and the
     * digests of all of them (known last when a first scan wrote its rows while they were computed).
     */
    private static void completeScan(Connection connection, long scanId, Map<Tables.Shared, Long> shared,
            Map<Tables.Shared, HeadRows.Encoded> encoded) throws SQLException {
        String own = Tables.SHARED.stream().filter(rows -> !shared.containsKey(rows))
                .map(rows -> rows.from() + " = scan_id, ").collect(Collectors.joining());
        String digestColumns = Tables.SHARED.stream().map(rows -> rows.digest() + " = ?")
                .collect(Collectors.joining(", "));
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE scans SET " + own + digestColumns + " WHERE scan_id = ?")) {
            int column = 1;
            for (Tables.Shared rows : Tables.SHARED) {
                update.setString(column++, encoded.get(rows).digest());
            }
            update.setLong(column, scanId);
            update.executeUpdate();
        }
    }

    private void insertFiles(Connection connection, long scanId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + Tables.HEAD_FILES.name() + " (scan_id, path, size, lines, is_binary, blob_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (FileInfo file : files) {
                insert.setLong(1, scanId);
                insert.setString(2, file.path());
                insert.setLong(3, file.size());
                insert.setInt(4, file.lines());
                insert.setBoolean(5, file.binary());
                insert.setString(6, blobIds.get(file.path()));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
    }

    /**
     * Which of the commits the table has under the key: looked up one by one when they are few
     * (a rescan after new commits), else all the table's ids under the key read at once.
     *
     * @param ids the commits, or null for too many to look up one by one
     */
    private static Set<String> recorded(Connection connection, String table, String keyColumn, long key,
            List<String> ids) throws SQLException {
        if (ids == null) {
            return ids(connection, "SELECT commit_id FROM " + table + " WHERE " + keyColumn + " = ?", key);
        }
        Set<String> found = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM " + table + " WHERE " + keyColumn + " = ? AND commit_id = ?")) {
            select.setLong(1, key);
            for (String id : ids) {
                select.setString(2, id);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        found.add(id);
                    }
                }
            }
        }
        return found;
    }

    private static Set<String> ids(Connection connection, String sql, long key) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, key);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static long generatedId(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no generated id");
            }
            return keys.getLong(1);
        }
    }

    /**
     * Closes the connection a store thread ended with, once it has; one that failed holds none (what the
     * history's writer committed before it failed is whole).
     */
    private static void closeWhenDone(FutureTask<Connection> task, String failed) {
        if (task == null) {
            return;
        }
        try {
            Database.closeQuietly(task.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.debug("{}: {}", failed, Database.oneLine(e.getCause()));
        }
    }

    /** Deletes the spill: a scan that failed or was cancelled ends its session here without finishing. */
    @Override
    public void close() {
        // the open's connection, a new store's creation and the history's writer may hold one (the writer's is the
        // open's or the new store's: closed twice, it closes once)
        abandoned = true;
        closeWhenDone(creating, "the store was not created");
        closeWhenDone(history, "the scan's commits were not all stored");
        closeWhenDone(reading, "the stored per-blob results were not read");
        pending = null;
        current = null;
        discardSpill();
    }
}
