package org.gstats.itests;

import static org.gstats.itests.GogoCommands.quote;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.gstats.itests.GogoCommands.Outcome;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.gstats.testkit.Numstat;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code gstats:scan} and {@code gstats:plugins} through Gogo in the shipped system, held to
 * what C git says about a repository built in the test.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GogoCommandsIT {

    private static SampleRepository sample;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return ShippedSystem.options();
    }

    /** Built on first use inside the framework, then shared by the tests of this class. */
    private static synchronized SampleRepository sample() {
        if (sample == null) {
            sample = SampleRepository.create(SampleRepository.workDir());
        }
        return sample;
    }

    private JsonObject scanJson(String extraArguments) throws Exception {
        Outcome outcome = new GogoCommands(context).execute("scan",
                quote(sample().dir()) + " --format json" + extraArguments);
        assertNull("scan failed: " + outcome.errors(), outcome.failure());
        assertEquals(0, ((Number) outcome.exit()).intValue());
        return JsonParser.parseString(outcome.output()).getAsJsonObject();
    }

    private static JsonObject commitsSection(JsonObject report) {
        return report.getAsJsonObject("sections").getAsJsonObject("commits");
    }

    @Test
    public void scanTotalsEqualWhatGitCounts() throws Exception {
        JsonObject report = scanJson("");
        JsonObject totals = commitsSection(report).getAsJsonObject("totals");
        List<Numstat.Entry> changes = sample().fileChanges();

        assertEquals(sample().commitCount(), totals.get("commits").getAsInt());
        assertEquals(1, totals.get("merges").getAsInt());
        assertEquals(changes.size(), totals.get("file_changes").getAsInt());
        assertEquals(changes.stream().filter(e -> !e.binary()).mapToInt(Numstat.Entry::insertions).sum(),
                totals.get("insertions").getAsInt());
        assertEquals(changes.stream().filter(e -> !e.binary()).mapToInt(Numstat.Entry::deletions).sum(),
                totals.get("deletions").getAsInt());
        assertTrue("no changes table without --changes", commitsSection(report).get("changes") == null);
        assertEquals(0, report.getAsJsonArray("errors").size());
    }

    @Test
    public void scanAuthorsEqualGitShortlog() throws Exception {
        JsonArray authors = commitsSection(scanJson("")).getAsJsonArray("authors");
        Map<String, Integer> byAuthor = new HashMap<>();
        for (JsonElement author : authors) {
            JsonObject row = author.getAsJsonObject();
            byAuthor.put(row.get("name").getAsString() + " <" + row.get("email").getAsString() + ">",
                    row.get("commits").getAsInt());
        }
        assertEquals(sample().commitsByAuthor(), byAuthor);
    }

    @Test
    public void changesListEveryFileChangeAsGitLogNumstat() throws Exception {
        JsonArray rows = commitsSection(scanJson(" --changes")).getAsJsonArray("changes");
        assertNotNull("--changes adds the changes table", rows);

        List<String> expected = new ArrayList<>();
        sample().fileChangesByCommit().forEach((commit, entries) -> entries.forEach(entry -> expected.add(
                change(commit, entry.path(), entry.oldPath(), entry.binary() ? 0 : entry.insertions(),
                        entry.binary() ? 0 : entry.deletions(), entry.binary()))));
        List<String> actual = new ArrayList<>();
        for (JsonElement element : rows) {
            JsonObject row = element.getAsJsonObject();
            actual.add(change(row.get("commit").getAsString(), row.get("path").getAsString(),
                    row.get("old_path").isJsonNull() ? null : row.get("old_path").getAsString(),
                    row.get("insertions").getAsInt(), row.get("deletions").getAsInt(),
                    row.get("binary").getAsBoolean()));
        }
        expected.sort(null);
        actual.sort(null);
        assertEquals(expected, actual);
        assertTrue("the sample has a rename", actual.stream().anyMatch(c -> c.contains("src/main.c -> src/app.c")));
        assertTrue("the sample has binary changes", actual.stream().anyMatch(c -> c.endsWith("binary")));
    }

    @Test
    public void scanOfAMissingDirectoryIsBadInput() throws Exception {
        Outcome outcome = new GogoCommands(context).execute("scan", quote("/no/such/dir") + " --format json");
        assertNotNull("the command fails", outcome.failure());
        assertTrue(outcome.failure().getMessage(), outcome.failure().getMessage().contains("/no/such/dir"));
        assertEquals(2, ((Number) outcome.exit()).intValue());
        assertEquals("", outcome.output());
    }

    @Test
    public void pluginsListsCommitsAsActive() throws Exception {
        Outcome outcome = new GogoCommands(context).execute("plugins", "--format json");
        assertNull("plugins failed: " + outcome.errors(), outcome.failure());
        JsonArray plugins = JsonParser.parseString(outcome.output()).getAsJsonObject().getAsJsonArray("plugins");
        boolean commitsActive = false;
        for (JsonElement plugin : plugins) {
            JsonObject row = plugin.getAsJsonObject();
            commitsActive |= row.get("name").getAsString().equals("commits")
                    && row.get("state").getAsString().equals("active");
        }
        assertTrue("commits is listed as active: " + plugins, commitsActive);
    }

    @Test
    public void groupAuthorsNameMergesIdentitiesAndMailmapProposesTheirLines() throws Exception {
        GitRepo repo = GitRepo.init(Files.createTempDirectory(SampleRepository.workDir(), "identities-"));
        Person[] people = {new Person("Ann Lee", "ann@work.example"), new Person("Ann Lee", "ann@home.example"),
            new Person("Ann Lee", "ann@work.example"), new Person("Bob", "bob@example.com")};
        for (int i = 0; i < people.length; i++) {
            repo.write("f.txt", "v" + i + "\n").commit("c" + i, people[i]);
        }
        GogoCommands gogo = new GogoCommands(context);

        Outcome scan = gogo.execute("scan", quote(repo.dir()) + " --format json --group-authors name");
        assertNull("scan failed: " + scan.errors(), scan.failure());
        List<String> authors = new ArrayList<>();
        for (JsonElement author : commitsSection(JsonParser.parseString(scan.output()).getAsJsonObject())
                .getAsJsonArray("authors")) {
            authors.add(author.getAsJsonObject().get("commits").getAsInt() + "\t"
                    + author.getAsJsonObject().get("name").getAsString());
        }
        List<String> shortlog = new ArrayList<>();
        for (String line : repo.git("shortlog", "-sn", "HEAD").strip().split("\n")) {
            shortlog.add(line.strip());
        }
        assertEquals(shortlog, authors);

        Outcome mailmap = gogo.execute("mailmap", quote(repo.dir()));
        assertNull("mailmap failed: " + mailmap.errors(), mailmap.failure());
        assertEquals(0, ((Number) mailmap.exit()).intValue());
        assertTrue(mailmap.output(), mailmap.output().contains("\nAnn Lee <ann@work.example> Ann Lee <ann@home.example>\n"));
    }

    @Test
    public void markdownIsAShippedFormat() throws Exception {
        Outcome outcome = new GogoCommands(context).execute("scan", quote(sample().dir()) + " --format markdown");
        assertNull("scan failed: " + outcome.errors(), outcome.failure());
        assertTrue(outcome.output(), outcome.output().startsWith("# gstats report\n"));
        assertTrue(outcome.output(), outcome.output().contains("\n## Summary\n"));
    }

    private static String change(String commit, String path, String oldPath, int insertions, int deletions,
            boolean binary) {
        return commit + " " + (oldPath == null ? "" : oldPath + " -> ") + path + " +" + insertions + " -" + deletions
                + (binary ? " binary" : "");
    }
}
