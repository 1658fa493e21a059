package org.gstats.plugin.commits.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gstats.api.report.Table;

/**
 * Who is who among the author identities (name and email pairs, after the mailmap) of a scan:
 * people grouped by normalised name, as gitinspector groups them, and clusters of identities
 * that look like one person, for {@code gstats mailmap} to turn into {@code .mailmap} lines.
 * <p>
 * Two identities are clustered when they share a normalised name, share an email (ignoring
 * case), or when one's email is a GitHub noreply address ({@code 123+login@users.noreply.github.com})
 * whose login is the other's name written together or the user of its email. A name is normalised by Unicode NFKC, case
 * folding and collapsing white space, so that {@code "David  Saff"} and {@code "david saff"} are one.
 */
final class AuthorIdentities {

    /** The value of {@code --group-authors} that merges identities by normalised name. */
    static final String BY_NAME = "name";
    /** The default: one row per name and email, as {@code git shortlog -sne}. */
    static final String BY_EMAIL = "email";

    static final String SAME_NAME = "same name";
    static final String SAME_EMAIL = "same email";
    static final String GITHUB_NOREPLY = "github noreply";

    private static final Pattern NOREPLY = Pattern.compile("(?:\\d+\\+)?([^@]+)@users\\.noreply\\.github\\.com",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** What a name loses when written as a login: spaces, dots, dashes, underscores. */
    private static final Pattern NOT_IN_LOGIN = Pattern.compile("[\\s._-]+");

    /** Most commits first, as {@code git shortlog -sn}; ties by name, then email. */
    static final Comparator<AuthorStats> BY_COMMITS = Comparator
            .comparingLong((AuthorStats a) -> a.commits).reversed()
            .thenComparing(a -> a.name, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(a -> a.email, Comparator.nullsFirst(Comparator.naturalOrder()));

    private AuthorIdentities() {
    }

    /** {@code name} as grouping compares it. */
    static String normalisedName(String name) {
        String text = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFKC);
        return SPACES.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /**
     * The identities merged by normalised name, most commits first: each group is named and
     * addressed as its identity with the most commits.
     */
    static List<AuthorStats> byName(Collection<AuthorStats> identities) {
        Map<String, List<AuthorStats>> groups = new LinkedHashMap<>();
        identities.stream().sorted(BY_COMMITS)
                .forEach(identity -> groups.computeIfAbsent(normalisedName(identity.name), key -> new ArrayList<>())
                        .add(identity));
        List<AuthorStats> people = new ArrayList<>();
        for (List<AuthorStats> group : groups.values()) {
            people.add(AuthorStats.merged(group));
        }
        people.sort(BY_COMMITS);
        return people;
    }

    /**
     * The {@code identity_clusters} table: one row per identity that belongs to a cluster of two
     * or more, clusters numbered from 1 by their commits (most first; ties keep their order), in
     * each the identity most likely proper first: a full name with a real address, then most commits.
     */
    static Table clusters(Collection<AuthorStats> identities) {
        List<AuthorStats> all = identities.stream().sorted(BY_COMMITS).toList();
        UnionFind clusters = new UnionFind(all.size());
        Map<Integer, String> reasons = new HashMap<>();
        Map<String, Integer> byName = new HashMap<>();
        Map<String, Integer> byEmail = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            AuthorStats identity = all.get(i);
            String name = normalisedName(identity.name);
            if (!name.isEmpty()) {
                join(clusters, reasons, byName.putIfAbsent(name, i), i, SAME_NAME);
            }
            String email = identity.email == null ? "" : identity.email.strip().toLowerCase(Locale.ROOT);
            if (!email.isEmpty()) {
                join(clusters, reasons, byEmail.putIfAbsent(email, i), i, SAME_EMAIL);
            }
        }
        List<String> asLogins = null;
        List<String> emails = null;
        for (int i = 0; i < all.size(); i++) {
            Matcher noreply = NOREPLY.matcher(all.get(i).email == null ? "" : all.get(i).email.strip());
            if (noreply.matches()) {
                if (asLogins == null) {
                    // made once for the scan: a name's login form costs a normalisation and two regular expressions
                    asLogins = all.stream().map(identity -> NOT_IN_LOGIN.matcher(normalisedName(identity.name))
                            .replaceAll("")).toList();
                    emails = all.stream().map(identity -> identity.email == null ? ""
                            : identity.email.toLowerCase(Locale.ROOT)).toList();
                }
                String login = noreply.group(1).toLowerCase(Locale.ROOT);
                join(clusters, reasons, userOf(asLogins, emails, login, i), i, GITHUB_NOREPLY);
            }
        }

        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            members.computeIfAbsent(clusters.find(i), root -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> found = new ArrayList<>(members.values());
        found.removeIf(cluster -> cluster.size() < 2);
        found.sort(Comparator.comparingLong((List<Integer> cluster) -> cluster.stream()
                .mapToLong(i -> all.get(i).commits).sum()).reversed());
        Table.Builder table = Table.builder("identity_clusters", "cluster", "name", "email", "commits", "reason");
        long number = 0;
        for (List<Integer> cluster : found) {
            number++;
            List<Integer> ordered = new ArrayList<>(cluster);
            ordered.sort(Comparator.comparing((Integer i) -> !looksProper(all.get(i))).thenComparing(i -> i));
            for (int i : ordered) {
                AuthorStats identity = all.get(i);
                table.row(number, identity.name, identity.email, identity.commits, reasons.get(i));
            }
        }
        return table.build();
    }

    /**
     * The identity (most commits first) that a GitHub login names: its name written together
     * ({@code marcphilipp} for Marc Philipp) or its email's user ({@code marcphilipp@example.com});
     * {@code asLogins} and {@code emails} hold each identity's name so written and its email in lower case.
     */
    private static Integer userOf(List<String> asLogins, List<String> emails, String login, int except) {
        String user = login + "@";
        for (int i = 0; i < asLogins.size(); i++) {
            if (i != except && (asLogins.get(i).equals(login) || emails.get(i).startsWith(user))) {
                return i;
            }
        }
        return null;
    }

    /** Joins {@code other} (when there is one) with {@code identity}, noting why for the later of the two. */
    private static void join(UnionFind clusters, Map<Integer, String> reasons, Integer other, int identity,
            String reason) {
        if (other == null || other == identity) {
            return;
        }
        if (clusters.union(other, identity)) {
            reasons.putIfAbsent(identity, reason);
            reasons.putIfAbsent(other, reason);
        }
    }

    /**
     * Whether the identity is fit to be the one the others are mapped to: a name of more than
     * one word and a real address (not a bare user name, not a GitHub noreply one).
     */
    private static boolean looksProper(AuthorStats identity) {
        String email = identity.email == null ? "" : identity.email.strip();
        return normalisedName(identity.name).contains(" ") && email.contains("@")
                && !NOREPLY.matcher(email).matches();
    }

    /** Disjoint sets over identity indexes. */
    private static final class UnionFind {

        private final int[] parent;

        UnionFind(int size) {
            parent = new int[size];
            for (int i = 0; i < size; i++) {
                parent[i] = i;
            }
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        /** Whether the two were apart before. */
        boolean union(int a, int b) {
            int rootA = find(a);
            int rootB = find(b);
            if (rootA == rootB) {
                return false;
            }
            // the smaller index (more commits) stays the root
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
            return true;
        }
    }
}
