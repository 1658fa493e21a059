package org.gstats.store.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gstats.api.CommitInfo;
import org.gstats.api.scan.StoredWalk;
import org.gstats.store.internal.schema.Schema;
import org.gstats.store.internal.schema.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of {@code commits}, derived from the values of {@code pending_commits} when something
 * reads that table, as {@link ChangeRows} derives {@code file_changes}'. A scan writes the commits new
 * to the repository as one value per step of its write ({@link WalkCodec}, the form its walk is
 * kept in); what the repository's commits are, for its rescans, is then its rows and its pending
 * values together. The first read that needs the rows ({@code gstats sql} naming {@code commits} or
 * the {@code authors} view, gc, the fleet) adds them, each value's in the transaction that claims
 * (deletes) it, on {@link ChangeRows}' turns; {@code store info} counts them without adding them.
 *
 * <p>Two scans of a repository at once may both write a commit new to it; the rows are added once
 * (a commit the table has is skipped) and a rescan reads the commit once.
 */
public final class CommitRows {

    private static final Logger LOG = LoggerFactory.getLogger("gstats.store");

    private static final String INSERT = "INSERT INTO commits (repository_id, commit_id, parent_ids, author_name, "
            + "author_email, author_time, committer_name, committer_email, commit_time, summary, author_zone, "
            + "commit_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private CommitRows() {
    }

    /** A write's new commits, encoded as they are told; each step's written as one row of {@code pending_commits}. */
    static final class Step implements AutoCloseable {
        private final PreparedStatement insert;
        private final long repositoryId;
        private WalkCodec.Writer commits = new WalkCodec.Writer();

        Step(Connection connection, long repositoryId) throws SQLException {
            this.insert = connection.prepareStatement(
                    "INSERT INTO pending_commits (repository_id, commits) VALUES (?, ?)");
            this.repositoryId = repositoryId;
        }

        void add(CommitInfo commit) {
            commits.add(commit);
        }

        /** Writes the step's value, if it has commits, in the caller's transaction. */
        void write() throws SQLException {
            if (commits.count() == 0) {
                return;
            }
            insert.setLong(1, repositoryId);
            try {
                insert.setBytes(2, commits.value());
            } catch (IOException e) {
                throw new SQLException("cannot encode the scan's commits", e);
            }
            insert.executeUpdate();
            commits = new WalkCodec.Writer();
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }

    /** One row of pending_commits. */
    private record Pending(long id, long repositoryId, byte[] commits) {
    }

    /** The repository's pending values (all repositories' for null), in the order they were written. */
    private static List<Pending> pending(Connection connection, Long repositoryId) throws SQLException {
        List<Pending> values = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT pending_id, repository_id, commits FROM pending_commits"
                        + (repositoryId == null ? "" : " WHERE repository_id = ?") + " ORDER BY pending_id")) {
            if (repositoryId != null) {
                select.setLong(1, repositoryId);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(new Pending(rows.getLong(1), rows.getLong(2), rows.getBytes(3)));
                }
            }
        }
        return values;
    }

    /** The value's commits; null for a damaged value, whose commits a rescan then reports as new and writes again. */
    private static StoredWalk decoded(Pending value) {
        try {
            return WalkCodec.decode(value.commits());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The value's commits, every one decoded; null for a damaged value (its claim drops it). */
    private static List<CommitInfo> commits(Pending value) {
        StoredWalk decoded = decoded(value);
        if (decoded == null) {
            return null;
        }
        List<CommitInfo> commits = new ArrayList<>(decoded.ids().size());
        try {
            decoded.forEach(commits::add);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return commits;
    }

    /** The ids of the repository's commits that are pending (not yet rows). */
    static Set<String> pendingIds(Connection connection, long repositoryId) throws SQLException {
        Set<String> ids = new HashSet<>();
        for (Pending value : pending(connection, repositoryId)) {
            StoredWalk commits = decoded(value);
            if (commits != null) {
                ids.addAll(commits.ids());
            }
        }
        return ids;
    }

    /** The ids of the repository's commits: its rows and those still pending. */
    static Set<String> ids(Connection connection, long repositoryId) throws SQLException {
        Set<String> ids = rowIds(connection, repositoryId);
        ids.addAll(pendingIds(connection, repositoryId));
        return ids;
    }

    /**
     * Adds the rows of every pending value, each value's committed with its claim; the caller holds
     * {@link ChangeRows}' turn. A store older than {@link Tables#DERIVED_COMMITS} has every commit's row.
     *
     * @return the rows added
     */
    public static long expand(Connection connection) throws SQLException {
        if (Schema.version(connection) < Tables.DERIVED_COMMITS) {
            return 0;
        }
        List<Pending> values = pending(connection, null);
        connection.commit();
        if (values.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        long rows = 0;
        int damaged = 0;
        Map<Long, Set<String>> stored = new HashMap<>();
        try (PreparedStatement claim = connection.prepareStatement("DELETE FROM pending_commits WHERE pending_id = ?");
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Pending value : values) {
                claim.setLong(1, value.id());
                if (claim.executeUpdate() == 0) {
                    connection.rollback();
                    continue; // another read's (it ran first)
                }
                List<CommitInfo> commits = commits(value);
                if (commits == null) {
                    damaged++;
                } else {
                    Set<String> ids = stored.get(value.repositoryId());
                    if (ids == null) {
                        ids = rowIds(connection, value.repositoryId());
                        stored.put(value.repositoryId(), ids);
                    }
                    for (CommitInfo commit : commits) {
                        if (ids.add(commit.id())) {
                            add(insert, value.repositoryId(), commit);
                            rows++;
                        }
                    }
                    insert.executeBatch();
                }
                connection.commit();
            }
        }
        if (damaged > 0) {
            LOG.warn("commits lacks the commits of {} recorded values that cannot be read; the next scan records "
                    + "them again", damaged);
        }
        LOG.debug("commits: {} rows derived from the recorded values in {} ms", rows,
                (System.nanoTime() - started) / 1_000_000);
        return rows;
    }

    /**
     * Which of the commits the store has for the repository, as rows or pending: those of {@code ids} looked up
     * one by one when they are few (a rescan after new commits), else all of them.
     *
     * @param ids the commits, or null for too many to look up one by one
     */
    static Set<String> stored(Connection connection, long repositoryId, List<String> ids) throws SQLException {
        if (ids == null) {
            return ids(connection, repositoryId);
        }
        Set<String> pending = pendingIds(connection, repositoryId);
        Set<String> found = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM commits WHERE repository_id = ? AND commit_id = ?")) {
            select.setLong(1, repositoryId);
            for (String id : ids) {
                if (pending.contains(id)) {
                    found.add(id);
                    continue;
                }
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

    /** The ids of the repository's commits that have their rows. */
    static Set<String> rowIds(Connection connection, long repositoryId) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT commit_id FROM commits WHERE repository_id = ?")) {
            select.setLong(1, repositoryId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * The rows {@code commits} gives a query: those there, and those of the values still pending,
     * counted from the values' ids without adding them.
     */
    public static long count(Connection connection) throws SQLException {
        long rows;
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM commits")) {
            count.next();
            rows = count.getLong(1);
        }
        if (Schema.version(connection) < Tables.DERIVED_COMMITS) {
            return rows;
        }
        Map<Long, Set<String>> pending = new HashMap<>();
        for (Pending value : pending(connection, null)) {
            StoredWalk commits = decoded(value);
            if (commits != null) {
                pending.computeIfAbsent(value.repositoryId(), id -> new HashSet<>()).addAll(commits.ids());
            }
        }
        for (Map.Entry<Long, Set<String>> repository : pending.entrySet()) {
            Set<String> ids = repository.getValue();
            ids.removeAll(rowIds(connection, repository.getKey()));
            rows += ids.size();
        }
        return rows;
    }

    /** A row of the authors view: a repository and an author's email. */
    private record Author(long repositoryId, String email) {
    }

    /**
     * The rows the {@code authors} view gives a query: its repositories' and authors' pairs among the rows of
     * {@code commits} and the commits still pending, read from the values without adding them.
     */
    public static long authors(Connection connection) throws SQLException {
        Set<Author> authors = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT repository_id, author_email FROM commits")) {
            while (rows.next()) {
                authors.add(new Author(rows.getLong(1), rows.getString(2)));
            }
        }
        if (Schema.version(connection) >= Tables.DERIVED_COMMITS) {
            for (Pending value : pending(connection, null)) {
                List<CommitInfo> commits = commits(value);
                for (CommitInfo commit : commits == null ? List.<CommitInfo>of() : commits) {
                    authors.add(new Author(value.repositoryId(), text(commit.authorEmail())));
                }
            }
        }
        return authors.size();
    }

    private static void add(PreparedStatement insert, long repositoryId, CommitInfo commit) throws SQLException {
        insert.setLong(1, repositoryId);
        insert.setString(2, commit.id());
        insert.setString(3, String.join(" ", commit.parentIds()));
        insert.setString(4, text(commit.authorName()));
        insert.setString(5, text(commit.authorEmail()));
        insert.setObject(6, commit.authorTime(), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setString(7, text(commit.committerName()));
        insert.setString(8, text(commit.committerEmail()));
        insert.setObject(9, commit.commitTime(), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setString(10, text(commit.summary()));
        insert.setInt(11, commit.authorZoneMinutes());
        insert.setInt(12, commit.commitZoneMinutes());
        insert.addBatch();
    }

    /** Git allows empty names and emails; the columns are NOT NULL. */
    private static String text(String value) {
        return value == null ? "" : value;
    }
}
