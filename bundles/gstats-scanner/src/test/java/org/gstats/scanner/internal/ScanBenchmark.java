package org.gstats.scanner.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileInfo;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;

/**
 * The benchmark's driver, not a test: scans one repository with the scanner alone, metadata
 * only or with head and historical text content (as a content plugin would ask), and prints
 * one line: mode, seconds, commits, changes, head files, blobs read, contents delivered. THREADS
 * diffs on that many threads (default: as {@code [scanner] threads} defaults).
 * {@code itests/bench/scan-bench.sh} runs it; times are for people to compare, never asserted.
 */
public final class ScanBenchmark {

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3 || !(args[1].equals("metadata") || args[1].equals("content"))) {
            System.err.println("usage: ScanBenchmark REPOSITORY metadata|content [THREADS]");
            System.exit(2);
        }
        PluginDataRequirements requirements = args[1].equals("metadata") ? PluginDataRequirements.NONE
                : new PluginDataRequirements(true, true, false, PluginDataRequirements.DEFAULT_MAX_FILE_SIZE, false);
        long[] counts = new long[5];
        ScanObserver observer = new ScanObserver() {
            @Override
            public void blobRead() {
                counts[3]++;
            }

            @Override
            public void contentDelivered() {
                counts[4]++;
            }
        };
        ScanListener listener = new ScanListener() {
            @Override
            public void onStart(ScanTarget target) {
            }

            @Override
            public void onCommit(CommitInfo commit) {
                counts[0]++;
            }

            @Override
            public void onFileChange(FileChange change) {
                counts[1]++;
            }

            @Override
            public void onFileInfo(FileInfo file) {
                counts[2]++;
            }
        };
        Path temp = Files.createTempDirectory("gstats-bench");
        long start = System.nanoTime();
        int threads = args.length == 3 ? Integer.parseInt(args[2]) : 0;
        new JGitRepositoryScanner(observer, temp, threads).scan(ScanRequest.builder(Path.of(args[0])).build(), requirements,
                listener);
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.delete(temp);
        System.out.printf(Locale.ROOT, "%s %.2f %d %d %d %d %d%n", args[1], seconds, counts[0], counts[1], counts[2],
                counts[3], counts[4]);
    }
}
