package org.gstats.plugin.metrics.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gstats.api.Analysis;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.ScanContext;
import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportSection;

/**
 * Files per second of the head-file work (format detection, line counting, tokens and clone
 * detection; complexity too unless told not to) on the files under a directory, read into
 * memory first so that only the analysis is timed, on {@code -Dgstats.threads} threads (default:
 * one per available processor). Run by {@code benchmarks/metrics-throughput.sh}.
 */
public final class MetricsThroughput {

    private MetricsThroughput() {
    }

    /**
     * CPU time of the whole process (every thread, the collector's too): on a machine shared with
     * other work, files per CPU second say more than files per second.
     */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: MetricsThroughput DIR [--no-complexity] [ROUNDS]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        boolean complexity = !(args.length > 1 && args[1].equals("--no-complexity"));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<FileContent> contents = new ArrayList<>();
        long bytes = 0;
        for (String path : ExternalTools.filesUnder(root)) {
            byte[] data = Files.readAllBytes(root.resolve(path));
            boolean binary = false;
            int lines = 0;
            for (int i = 0; i < data.length; i++) {
                binary |= i < 8000 && data[i] == 0;
                lines += data[i] == '\n' ? 1 : 0;
            }
            lines += data.length > 0 && data[data.length - 1] != '\n' ? 1 : 0;
            contents.add(new FileContent(new FileInfo(path, data.length, binary ? -1 : lines, binary), "0", data));
            bytes += data.length;
        }
        MetricsSettings d = MetricsSettings.DEFAULTS;
        MetricsSettings settings = new MetricsSettings(d.windows(), d.topN(), d.weights(), d.ratingThresholds(),
                d.minTokens(), d.minLines(), d.maxFiles(), d.maxFileSize(), complexity, false, false);
        ScanContext context = new ScanContext(root, "HEAD", null, Map.of());
        int threads = Integer.getInteger("gstats.threads", Runtime.getRuntime().availableProcessors());
        MetricsAnalysis.Resources resources = new MetricsAnalysis.Resources(threads, Runtime.getRuntime().maxMemory());
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            Analysis analysis = new MetricsAnalysis(settings, context, resources, null);
            for (FileContent content : contents) {
                analysis.onFileInfo(content.file());
                analysis.onFileContent(content);
            }
            ReportSection section = analysis.result();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (cpuNanos() - cpuStart) / 1e9;
            Map<String, Object> summary = ((Fields) section.item("summary").orElseThrow()).values();
            System.out.printf("round %d, %d threads: %d files, %.1f MB in %.2f s: %.0f files/s, %.1f MB/s (complexity %s; "
                    + "%s code lines, %s clone groups); process CPU %.2f s: %.0f files per CPU second%n", round,
                    threads, contents.size(), bytes / 1e6, seconds, contents.size() / seconds, bytes / 1e6 / seconds,
                    complexity ? "on" : "off", summary.get("code_lines"), summary.get("clone_groups"), cpuSeconds,
                    contents.size() / cpuSeconds);
        }
    }
}
