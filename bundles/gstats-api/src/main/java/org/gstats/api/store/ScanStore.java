package org.gstats.api.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.gstats.api.scan.ScanRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where scans are recorded. The engine opens a session per scan and uses the store only
 * as far as it can: a store that cannot be opened or written leaves a cold scan with a
 * correct report.
 */
@ProviderType
public interface ScanStore {

    /**
     * Opens the store for one scan, at the location the request's {@code store} settings give
     * ({@code url}, {@code enabled}: a repository's {@code .gstats.toml} or the command line), or
     * the configured one.
     *
     * @return {@code null} when the request turns the store off ({@code [store] enabled = false})
     * @throws StoreException when the store cannot be used; its message is one line for the user
     */
    StoreSession open(ScanRequest request) throws StoreException;

    /**
     * Whether {@link #open} would open the store for this request rather than return {@code null},
     * decided from the settings alone without touching the store: a scan the store is turned off
     * for then prepares nothing for it (content plugins encode no per-blob results to keep).
     *
     * @since 1.5
     */
    boolean enabled(ScanRequest request);

    /**
     * The summaries of every stored scan of the repository at {@code repository} (a work tree
     * or a bare repository's directory, as the report's header names it), oldest first; empty
     * when none is stored.
     */
    List<ScanSummary> history(Path repository) throws StoreException;

    /**
     * As {@link #history(Path)}, of the request's repository in the store the request's settings
     * name (as {@link #open} finds it); empty when the request turns the store off. Asked once a
     * scan has ended, its own scan is among them.
     *
     * @since 1.7
     */
    List<ScanSummary> history(ScanRequest request) throws StoreException;

    /**
     * The repositories the store holds scans of (work trees, or bare repositories' directories,
     * as {@link #history(Path)} takes them), sorted by path; empty when none is stored.
     *
     * @since 1.1
     */
    List<Path> repositories() throws StoreException;

    /**
     * The JSON report of a stored scan, when the store keeps it: it keeps the report of each
     * repository's latest scan (and none of scans recorded without a JSON report writer).
     *
     * @since 1.2
     */
    Optional<StoredReport> report(long scanId) throws StoreException;
}
