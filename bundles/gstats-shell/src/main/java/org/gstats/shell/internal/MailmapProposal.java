package org.gstats.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gstats.api.report.Table;

/**
 * {@code .mailmap} lines from the commits plugin's {@code identity_clusters} table: in each
 * cluster the first identity (most commits, a real address before a GitHub noreply one) is the
 * proper one, and every other gets the line {@code Proper Name <proper@email> Name <email>},
 * which maps exactly that identity, as {@code gitmailmap(5)} describes.
 */
final class MailmapProposal {

    private MailmapProposal() {
    }

    /** A comment per cluster saying why, then its lines; empty when no identities cluster. */
    static List<String> lines(Table clusters) {
        int cluster = clusters.columns().indexOf("cluster");
        int name = clusters.columns().indexOf("name");
        int email = clusters.columns().indexOf("email");
        int commits = clusters.columns().indexOf("commits");
        int reason = clusters.columns().indexOf("reason");
        Map<Object, List<List<Object>>> byCluster = new LinkedHashMap<>();
        clusters.rows().forEach(row -> byCluster.computeIfAbsent(row.get(cluster), key -> new ArrayList<>()).add(row));
        List<String> lines = new ArrayList<>();
        for (List<List<Object>> members : byCluster.values()) {
            List<Object> proper = members.get(0);
            long total = members.stream().mapToLong(row -> ((Number) row.get(commits)).longValue()).sum();
            lines.add("# " + members.size() + " identities, " + total + " commits ("
                    + members.stream().skip(1).map(row -> String.valueOf(row.get(reason))).distinct()
                            .reduce((a, b) -> a + ", " + b).orElse("") + ")");
            String properIdentity = identity(proper.get(name), proper.get(email));
            for (List<Object> member : members.subList(1, members.size())) {
                lines.add(properIdentity + " " + identity(member.get(name), member.get(email)));
            }
        }
        return lines;
    }

    /** {@code Name <email>}; a mailmap cannot hold a line break or an angle bracket in either. */
    private static String identity(Object name, Object email) {
        return clean(name) + " <" + clean(email) + ">";
    }

    private static String clean(Object text) {
        return String.valueOf(text).replaceAll("[\\r\\n<>]", " ").strip();
    }
}
