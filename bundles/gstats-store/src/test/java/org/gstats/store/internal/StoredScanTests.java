package org.gstats.store.internal;

import java.io.IOException;
import java.util.Map;

import org.gstats.api.scan.ScanRequest;
import org.gstats.testkit.GitRepo;
import org.junit.rules.TemporaryFolder;

/** {@link StoredScanTest}'s repositories and stored scans, for tests in other packages. */
public final class StoredScanTests {

    private final StoredScanTest scans = new StoredScanTest();

    public StoredScanTests(TemporaryFolder temp) {
        scans.temp = temp;
    }

    public GitRepo history() throws IOException {
        return scans.history();
    }

    public ScanStoreImpl store() throws IOException {
        return scans.store();
    }

    public void scan(ScanStoreImpl store, ScanRequest request) throws Exception {
        scans.scanStored(store, request);
    }

    /** A scan whose report lists one function, of that name, in the metrics plugin's functions table. */
    public void scanWithFunction(ScanStoreImpl store, ScanRequest request, String function) throws Exception {
        scans.scanStored(store, request, StoredScanTest.metrics(function));
    }

    /** A scan with a content plugin that keeps a result per head blob; what it found kept, by path. */
    public Map<String, String> scanWithContentPlugin(ScanStoreImpl store, ScanRequest request) throws Exception {
        return scans.scanWithContentPlugin(store, request);
    }

    /** A scan with a plugin that keeps one result under the head commit; what it found kept, or null. */
    public String scanWithHeadPlugin(ScanStoreImpl store, ScanRequest request) throws Exception {
        return scans.scanWithHeadPlugin(store, request);
    }

    /** The blob ids at the repository's head, by path. */
    public static Map<String, String> headBlobs(GitRepo repo) {
        return StoredScanTest.headBlobs(repo);
    }

    /** The table's rows as they are, without adding the derived ones first. */
    public static long rows(ScanStoreImpl store, String table) throws Exception {
        return StoredScanTest.count(store, table);
    }

    /** How many commits a stored scan had to diff. */
    public int misses(ScanStoreImpl store, ScanRequest request) throws Exception {
        return scans.scanStored(store, request).misses.get();
    }
}
