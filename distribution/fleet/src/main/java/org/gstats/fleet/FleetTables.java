package org.gstats.fleet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.spark.sql.SparkSession;
import org.gstats.store.internal.schema.Tables;

/**
 * The questions asked of the whole fleet, in Spark SQL over the per-repository tables of every
 * run so far, each written to the output as {@code OUT/fleet/NAME/}. The SQL is the one
 * definition of each table; docs/fleet.md describes their columns.
 */
final class FleetTables {

    /** How many hotspots the fleet ranks. */
    static final int TOP_HOTSPOTS = 100;

    /**
     * A commit's month ({@code yyyy-MM}) in its author's zone; a commit stored before the store
     * kept zones (author_zone null) counts in UTC.
     */
    static final String AUTHOR_MONTH =
            "date_format(timestampadd(MINUTE, coalesce(author_zone, 0), author_time), 'yyyy-MM')";

    /** A fleet table: its name, the per-repository table it reads, and its SQL. */
    record FleetQuery(String name, String source, String sql) {
    }

    /** In the order they are written; each sorted as the dashboard shows it (activity by month). */
    static final List<FleetQuery> QUERIES = List.of(
            // one author is one email, case-folded, after each repository's .mailmap
            new FleetQuery("authors", "commits", "SELECT lower(author_email) AS author_email, "
                    + "min(author_name) AS author_name, count(DISTINCT repository) AS repositories, "
                    + "count(*) AS commits, min(author_time) AS first_commit, max(author_time) AS last_commit "
                    + "FROM commits GROUP BY lower(author_email) ORDER BY commits DESC, author_email"),
            new FleetQuery("languages", "languages", "SELECT language, count(DISTINCT repository) AS repositories, "
                    + "sum(CAST(files AS BIGINT)) AS files, sum(CAST(code_lines AS BIGINT)) AS code_lines, "
                    + "sum(CAST(comment_lines AS BIGINT)) AS comment_lines FROM languages GROUP BY language "
                    + "ORDER BY code_lines DESC, language"),
            // ranked after the limit: the window sorts the top rows only
            new FleetQuery("hotspots", "hotspots", "SELECT row_number() OVER (ORDER BY score DESC, repository, path) "
                    + "AS fleet_rank, repository, path, score, revisions, complexity, churn FROM (SELECT * FROM "
                    + "hotspots ORDER BY score DESC, repository, path LIMIT " + TOP_HOTSPOTS + ") ORDER BY fleet_rank"),
            new FleetQuery("debt", "debt", "SELECT repository, count(*) AS files, "
                    + "sum(CAST(score AS DOUBLE)) AS debt_score, max(CAST(score AS DOUBLE)) AS worst_file_score "
                    + "FROM debt GROUP BY repository ORDER BY debt_score DESC, repository"),
            // the month on the author's clock, as gstats scan and git log --date=format:%Y-%m count it: the
            // session's zone is UTC, so the instant moved by the commit's own zone reads as its local time
            new FleetQuery("activity", "commits", "SELECT " + AUTHOR_MONTH + " AS month, "
                    + "count(*) AS commits, count(DISTINCT lower(author_email)) AS authors, "
                    + "count(DISTINCT repository) AS repositories FROM commits "
                    + "GROUP BY " + AUTHOR_MONTH + " ORDER BY month"));

    private FleetTables() {
    }

    /**
     * Registers every per-repository table written so far as a view and writes the fleet's; a
     * fleet table whose source has never been written (no repository scanned yet) is left out.
     *
     * @return the fleet tables written
     */
    static List<String> write(SparkSession spark, FleetOutput output) {
        Set<String> registered = new HashSet<>();
        for (Tables.Table table : FleetSchema.storeTables()) {
            output.read(FleetOutput.TABLES, table.name(), FleetSchema.storeSchema(table)).ifPresent(frame -> {
                frame.createOrReplaceTempView(table.name());
                registered.add(table.name());
            });
        }
        for (FleetSchema.ReportTable table : FleetSchema.REPORT_TABLES) {
            output.read(FleetOutput.TABLES, table.name(), null).ifPresent(frame -> {
                frame.createOrReplaceTempView(table.name());
                registered.add(table.name());
            });
        }
        List<String> written = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        for (FleetQuery query : QUERIES) {
            if (registered.contains(query.source())) {
                writes.add(() -> output.replace(FleetOutput.FLEET, query.name(), spark.sql(query.sql())));
                written.add(query.name());
            }
        }
        ConcurrentWrites.run(spark, writes);
        return written;
    }
}
