package org.gstats.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import com.google.gson.GsonBuilder;

/**
 * {@code OUT/fleet-report.json}: per repository its status in this run, its head and the totals
 * of its stored scan; and the fleet's totals. Written under a temporary name and renamed, so a
 * reader never sees half a report.
 */
final class FleetReport {

    static final String FILE = "fleet-report.json";

    private FleetReport() {
    }

    static Path write(SparkSession spark, List<RepositoryResult> results, List<String> fleetTables, Path out)
            throws IOException {
        Map<String, Row> scans = new HashMap<>();
        if (spark.catalog().tableExists("scans")) {
            for (Row row : spark.sql("SELECT repository, commits, authors, files, lines FROM scans").collectAsList()) {
                scans.put(row.getString(0), row);
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("generated", Instant.now().toString());
        List<Map<String, Object>> repositories = results.stream().map(result -> entry(result,
                scans.get(result.repository().id()))).toList();
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("repositories", results.size());
        for (RepositoryResult.Status status : RepositoryResult.Status.values()) {
            totals.put(status.name().toLowerCase(), results.stream().filter(r -> r.status() == status).count());
        }
        totals.put("commits", repositories.stream().mapToLong(r -> (Long) r.getOrDefault("commits", 0L)).sum());
        totals.put("lines", repositories.stream().mapToLong(r -> (Long) r.getOrDefault("lines", 0L)).sum());
        report.put("totals", totals);
        report.put("repositories", repositories);
        report.put("fleet_tables", fleetTables);
        Path target = out.resolve(FILE);
        Path partial = out.resolve(FILE + ".partial");
        Files.writeString(partial, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(report)
                + "\n", StandardCharsets.UTF_8);
        return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, Object> entry(RepositoryResult result, Row scan) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", result.repository().id());
        entry.put("location", result.repository().location());
        entry.put("branch", result.repository().branch() == null ? "HEAD" : result.repository().branch());
        entry.put("status", result.status().name().toLowerCase());
        entry.put("head", result.head());
        entry.put("duration_ms", result.durationMs());
        if (result.status() == RepositoryResult.Status.FAILED) {
            entry.put("stage", result.stage());
            entry.put("error", result.error());
        } else if (scan != null) {
            entry.put("commits", scan.getLong(1));
            entry.put("authors", scan.getLong(2));
            entry.put("files", scan.getLong(3));
            entry.put("lines", scan.getLong(4));
        }
        return entry;
    }
}
