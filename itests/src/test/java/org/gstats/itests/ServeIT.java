package org.gstats.itests;

import static org.gstats.itests.GogoCommands.quote;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;

import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code gstats:serve} in the shipped system: Felix HTTP (Jetty) with the servlets of the serve
 * bundle on the HTTP Whiteboard, answering on a free loopback port. Every endpoint against what
 * C git says of the scanned repositories, the token and root rules, concurrent scans with their
 * own options, and progress over server-sent events.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ServeIT {

    private static final Person ANN = new Person("Ann Example", "ann@example.com");
    private static final Person BOB = new Person("Bob Example", "bob@example.com");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    private BundleContext context;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Thread server;
    private String base;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        return ShippedSystem.options();
    }

    @After
    public void stopServing() throws InterruptedException {
        if (server != null) {
            server.interrupt();
            server.join(TIMEOUT.toMillis());
            assertFalse("gstats:serve did not stop when interrupted", server.isAlive());
            server = null;
        }
    }

    @Test
    public void everyEndpointAnswersWhatGitSays() throws Exception {
        Path root = Files.createTempDirectory(SampleRepository.workDir(), "serve-root-");
        SampleRepository sample = SampleRepository.create(root);
        serve("--root " + quote(root));

        JsonObject health = json(get("/api/health"), 200).getAsJsonObject();
        assertEquals("ok", health.get("status").getAsString());

        JsonArray plugins = json(get("/api/plugins"), 200).getAsJsonArray();
        JsonObject commits = find(plugins, "name", "commits");
        assertEquals("active", commits.get("state").getAsString());
        assertTrue(commits.get("apiRange").getAsString().startsWith("["));

        JsonObject openApi = json(get("/api/openapi.json"), 200).getAsJsonObject();
        for (String path : new String[] {"/api/health", "/api/repositories", "/api/scans", "/api/scans/{id}",
                "/api/scans/{id}/report", "/api/scans/{id}/tables/{table}", "/api/scans/{id}/events",
                "/api/plugins"}) {
            assertTrue(path, openApi.getAsJsonObject("paths").has(path));
        }
        assertTrue(openApi.getAsJsonObject("components").getAsJsonObject("schemas").getAsJsonObject("ScanStart")
                .getAsJsonObject("properties").has("maxCommits"));

        HttpResponse<String> started = post("/api/scans", "{\"repository\": " + jsonText(sample.dir()) + "}");
        String id = json(started, 202).getAsJsonObject().get("id").getAsString();
        assertEquals("/api/scans/" + id, started.headers().firstValue("Location").orElse(""));
        List<String[]> events = events(id);
        assertEquals("done", state(events.get(events.size() - 1)));

        JsonObject scan = json(get("/api/scans/" + id), 200).getAsJsonObject();
        assertEquals("done", scan.get("state").getAsString());
        assertEquals(sample.dir().toRealPath().toString(), scan.get("repository").getAsString());
        assertNotNull(scan.get("finished").getAsString());
        assertEquals(id, find(json(get("/api/scans"), 200).getAsJsonArray(), "id", id).get("id").getAsString());

        JsonObject report = json(get("/api/scans/" + id + "/report"), 200).getAsJsonObject();
        HttpResponse<byte[]> gzip = http.send(request("/api/scans/" + id + "/report").header("Accept-Encoding", "gzip")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(""));
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(gzip.body()))) {
            assertEquals(report, JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        // a client that holds the answer revalidates it: 304 without a body; each encoding has its own tag
        String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> unchanged = http.send(request("/api/scans/" + id + "/report")
                .header("Accept-Encoding", "gzip").header("If-None-Match", gzipTag).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, unchanged.statusCode());
        assertEquals(0, unchanged.body().length);
        assertEquals(gzipTag, unchanged.headers().firstValue("ETag").orElse(""));
        HttpResponse<String> plain = send(request("/api/scans/" + id + "/report").header("If-None-Match", gzipTag)
                .GET());
        assertEquals(200, plain.statusCode());
        assertFalse(gzipTag.equals(plain.headers().firstValue("ETag").orElse(gzipTag)));
        assertEquals(304, send(request("/api/scans/" + id + "/report").header("If-None-Match",
                "\"other\", " + plain.headers().firstValue("ETag").orElseThrow()).GET()).statusCode());
        GitRepo git = GitRepo.open(sample.dir());
        assertEquals(Long.parseLong(git.git("rev-list", "--count", "HEAD").trim()), report.getAsJsonObject("sections")
                .getAsJsonObject("commits").getAsJsonObject("totals").get("commits").getAsLong());

        // commits per author, as git shortlog -sne counts them
        Map<String, Long> shortlog = new TreeMap<>();
        git.git("shortlog", "-sne", "HEAD").lines().map(String::trim).forEach(line -> {
            String[] parts = line.split("\t", 2);
            String email = parts[1].substring(parts[1].indexOf('<') + 1, parts[1].indexOf('>'));
            shortlog.put(email, Long.parseLong(parts[0].trim()));
        });
        Map<String, Long> served = new TreeMap<>();
        json(get("/api/scans/" + id + "/tables/commits.authors"), 200).getAsJsonArray().forEach(row -> served.put(
                row.getAsJsonObject().get("email").getAsString(), row.getAsJsonObject().get("commits").getAsLong()));
        assertEquals(shortlog, served);
        HttpResponse<String> csv = send(request("/api/scans/" + id + "/tables/commits.authors")
                .header("Accept", "text/csv").GET());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.get(0), lines.get(0).startsWith("name,email,commits"));
        assertEquals(shortlog.size() + 1, lines.size());

        JsonObject repository = find(json(get("/api/repositories"), 200).getAsJsonArray(), "path",
                sample.dir().toRealPath().toString());
        assertEquals(id, repository.get("latestReport").getAsString());
        assertTrue(repository.get("storedScans").getAsLong() >= 1);
        JsonArray history = json(get("/api/history?repository=" + java.net.URLEncoder.encode(
                sample.dir().toString(), StandardCharsets.UTF_8)), 200).getAsJsonArray();
        assertEquals(report.getAsJsonObject("sections").getAsJsonObject("commits").getAsJsonObject("totals")
                .get("commits").getAsLong(), history.get(history.size() - 1).getAsJsonObject().get("commits")
                .getAsLong());

        // the pages and the dashboard's own script
        HttpResponse<String> index = get("/");
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("Content-Security-Policy").isPresent());
        assertTrue(get("/repository").body().contains("/static/dashboard.js"));
        assertTrue(get("/static/dashboard.js").body().contains("gstatsDashboard"));
        assertEquals(200, get("/plugins").statusCode());

        // errors: one JSON line each, no stack trace
        assertError(get("/api/scans/999"), 404, "there is no scan 999");
        assertError(get("/api/scans/" + id + "/tables/commits.nothing"), 404, "has no table commits.nothing");
        assertError(get("/api/nowhere"), 404, "there is no /api/nowhere");
        assertError(post("/api/scans", "{\"repository\": " + jsonText(sample.dir()) + ", \"colour\": 1}"), 400,
                "unknown option 'colour'");
        assertError(post("/api/scans", "{\"repository\": " + jsonText(sample.dir()) + ", \"maxCommits\": \"x\"}"),
                400, "maxCommits takes a whole number");
        assertError(post("/api/scans", "not json"), 400, "not a JSON object");
        assertError(send(request("/api/scans").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("repository=" + sample.dir()))), 415, "needs a JSON body");
        assertError(post("/api/scans", "{\"repository\": \"" + "x".repeat(70_000) + "\"}"), 413, "larger than");
        // HEAD answers as GET does, without the body (curl -I)
        HttpResponse<byte[]> whole = http.send(request("/api/scans/" + id + "/report").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        for (String path : List.of("/api/scans/" + id + "/report", "/", "/api/health", "/api/scans/" + id + "/events")) {
            HttpResponse<String> head = send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(path, 200, head.statusCode());
            assertEquals(path, "", head.body());
        }
        HttpResponse<String> head = send(request("/api/scans/" + id + "/report")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(String.valueOf(whole.body().length), head.headers().firstValue("Content-Length").orElse(""));
        assertEquals(whole.headers().firstValue("ETag"), head.headers().firstValue("ETag"));
        // only POST changes anything: another method is not allowed, with or without a body
        assertError(send(request("/api/health").DELETE()), 405, "DELETE is not allowed on /api/health");
        assertError(send(request("/api/scans/" + id).DELETE()), 405, "DELETE is not allowed");
        // a plugin no bundle provides is told at once, with the names there are
        assertError(post("/api/scans", "{\"repository\": " + jsonText(sample.dir()) + ", \"plugins\": [\"nope\"]}"),
                400, "unknown plugin 'nope' (plugins: ");
        assertError(get("/api/history"), 400, "/api/history?repository=PATH");
    }

    @Test
    public void aScanOutlivesItsServerInTheStore() throws Exception {
        Path root = Files.createTempDirectory(SampleRepository.workDir(), "serve-root-");
        SampleRepository sample = SampleRepository.create(root);
        serve("--root " + quote(root));
        String id = json(post("/api/scans", "{\"repository\": " + jsonText(sample.dir()) + "}"), 202)
                .getAsJsonObject().get("id").getAsString();
        List<String[]> events = events(id);
        assertEquals("done", state(events.get(events.size() - 1)));
        JsonElement report = json(get("/api/scans/" + id + "/report"), 200);
        JsonElement authors = json(get("/api/scans/" + id + "/tables/commits.authors"), 200);
        String csv = send(request("/api/scans/" + id + "/tables/commits.authors").header("Accept", "text/csv")
                .GET()).body();
        // a table without rows (no memory pressure in so small a scan): its CSV is the header line alone
        assertEquals(0, json(get("/api/scans/" + id + "/tables/plugins.pressure"), 200).getAsJsonArray().size());
        String emptyCsv = send(request("/api/scans/" + id + "/tables/plugins.pressure")
                .header("Accept", "text/csv").GET()).body();
        assertEquals(List.of("at_ms,from,to,heap_after_gc_bytes"), emptyCsv.lines().toList());
        stopServing();

        // a new run of gstats:serve knows none of the last one's scans; the store keeps the latest
        serve("--root " + quote(root));
        assertEquals(0, json(get("/api/scans"), 200).getAsJsonArray().size());
        String stored = find(json(get("/api/repositories"), 200).getAsJsonArray(), "path",
                sample.dir().toRealPath().toString()).get("latestReport").getAsString();
        assertTrue(stored, stored.startsWith("stored-"));
        assertEquals("done", json(get("/api/scans/" + stored), 200).getAsJsonObject().get("state").getAsString());
        assertEquals(report, json(get("/api/scans/" + stored + "/report"), 200));
        assertEquals(authors, json(get("/api/scans/" + stored + "/tables/commits.authors"), 200));
        assertEquals(csv, send(request("/api/scans/" + stored + "/tables/commits.authors")
                .header("Accept", "text/csv").GET()).body());
        assertEquals(emptyCsv, send(request("/api/scans/" + stored + "/tables/plugins.pressure")
                .header("Accept", "text/csv").GET()).body());
        assertError(get("/api/scans/stored-999999"), 404, "there is no scan stored-999999");
    }

    @Test
    public void repositoriesOutsideTheRootsAreRefused() throws Exception {
        Path root = Files.createTempDirectory(SampleRepository.workDir(), "serve-root-");
        Path outside = Files.createTempDirectory(SampleRepository.workDir(), "serve-outside-");
        GitRepo inside = repository(root.resolve("inside"), 2);
        GitRepo elsewhere = repository(outside.resolve("elsewhere"), 2);
        Files.createSymbolicLink(root.resolve("link"), elsewhere.dir());
        serve("--root " + quote(root));

        // the repositories in the root are listed before any scan, not the one a link leads out to
        List<String> listed = new ArrayList<>();
        json(get("/api/repositories"), 200).getAsJsonArray()
                .forEach(repository -> listed.add(repository.getAsJsonObject().get("path").getAsString()));
        assertEquals(List.of(inside.dir().toRealPath().toString()), listed);
        assertError(post("/api/scans", "{\"repository\": " + jsonText(elsewhere.dir()) + "}"), 403, "outside");
        assertError(post("/api/scans", "{\"repository\": " + jsonText(root.resolve("link")) + "}"), 403, "outside");
        assertError(post("/api/scans", "{\"repository\": " + jsonText(root + "/../" + outside.getFileName()
                + "/elsewhere") + "}"), 403, "'..'");
        assertError(post("/api/scans", "{\"repository\": " + jsonText(root.resolve("missing")) + "}"), 404,
                "no directory");
        assertError(get("/api/history?repository=" + elsewhere.dir()), 403, "outside");
        // a relative path is taken in the first root
        assertEquals(202, post("/api/scans", "{\"repository\": \"inside\"}").statusCode());
        assertEquals(inside.dir().toRealPath().toString(), json(get("/api/scans"), 200).getAsJsonArray().get(0)
                .getAsJsonObject().get("repository").getAsString());
    }

    @Test
    public void withATokenEveryRequestMustCarryIt() throws Exception {
        Path root = Files.createTempDirectory(SampleRepository.workDir(), "serve-root-");
        serve("--root " + quote(root) + " --token s3cret");

        for (String path : new String[] {"/api/health", "/api/plugins", "/", "/static/dashboard.js"}) {
            assertError(get(path), 401, "needs a token");
            assertError(send(request(path).header("Authorization", "Bearer wrong").GET()), 401, "needs a token");
            assertEquals(path, 200, send(request(path).header("Authorization", "Bearer s3cret").GET()).statusCode());
        }
        assertError(send(request("/api/scans").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 401, "needs a token");
    }

    /**
     * Each run of serve in one framework (the shell) has its own settings, however soon it follows
     * the last: SCR once kept a stopped run's token when the next run's settings came before it had
     * taken the old ones down. A listener ranked before SCR's holds Configuration Admin's event
     * thread at each deletion of the servlets' settings, as a loaded machine does.
     */
    @Test
    public void aServeRightAfterAnotherHasItsOwnToken() throws Exception {
        ConfigurationListener slow = event -> {
            if (event.getType() == ConfigurationEvent.CM_DELETED && event.getPid().startsWith("org.gstats.serve")) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ServiceRegistration<ConfigurationListener> held = context.registerService(ConfigurationListener.class,
                slow, new Hashtable<>(Map.of(Constants.SERVICE_RANKING, Integer.MAX_VALUE)));
        try {
            Path root = Files.createTempDirectory(SampleRepository.workDir(), "serve-root-");
            for (String token : new String[] {"first", "second", "third"}) {
                serve("--root " + quote(root) + " --token " + token);
                assertEquals(token, 200, send(request("/api/health").header("Authorization", "Bearer " + token)
                        .GET()).statusCode());
                for (String old : new String[] {"first", "second"}) {
                    if (!old.equals(token)) {
                        assertError(send(request("/api/health").header("Authorization", "Bearer " + old).GET()),
                                401, "needs a token");
                    }
                }
                stopServing();
            }
        } finally {
            held.unregister();
        }
    }

    /** One serve per process: a second one while the first serves is told so at once, and the first goes on. */
    @Test
    public void aSecondServeInTheSameProcessIsRefused() throws Exception {
        Path root = Files.createTempDirectory(SampleRepository.workDir(), "serve-root-");
        serve("--root " + quote(root));
        GogoCommands.Outcome second = new GogoCommands(context).execute("serve", "--port 0 --root " + quote(root));
        assertNotNull(second.toString(), second.failure());
        assertEquals("serve: gstats:serve is already serving in this gstats process: stop it (Ctrl-C) first",
                second.failure().getMessage());
        assertEquals(200, send(request("/api/health").GET()).statusCode());
    }

    @Test
    public void concurrentScansKeepTheirOwnOptions() throws Exception {
        Path root = Files.createTempDirectory(SampleRepository.workDir(), "serve-root-");
        GitRepo first = repository(root.resolve("first"), 6);
        GitRepo second = repository(root.resolve("second"), 9);
        serve("--root " + quote(root));

        List<String> ids = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            ids.add(json(post("/api/scans", "{\"repository\": " + jsonText(first.dir()) + "}"), 202)
                    .getAsJsonObject().get("id").getAsString());
            ids.add(json(post("/api/scans", "{\"repository\": " + jsonText(second.dir())
                    + ", \"maxCommits\": 4, \"plugins\": [\"commits\"]}"), 202).getAsJsonObject().get("id")
                    .getAsString());
        }
        for (int i = 0; i < ids.size(); i++) {
            List<String[]> events = events(ids.get(i));
            assertEquals("done", state(events.get(events.size() - 1)));
            JsonObject sections = json(get("/api/scans/" + ids.get(i) + "/report"), 200).getAsJsonObject()
                    .getAsJsonObject("sections");
            long expected = i % 2 == 0 ? Long.parseLong(first.git("rev-list", "--count", "HEAD").trim())
                    : Long.parseLong(second.git("rev-list", "--count", "-n", "4", "HEAD").trim());
            assertEquals("scan " + ids.get(i), expected, sections.getAsJsonObject("commits")
                    .getAsJsonObject("totals").get("commits").getAsLong());
            assertEquals("scan " + ids.get(i) + " ran the plugins it asked for", i % 2 == 0, sections.has("metrics"));
        }
    }

    @Test
    public void progressStreamsAsServerSentEvents() throws Exception {
        Path root = Files.createTempDirectory(SampleRepository.workDir(), "serve-root-");
        int commits = 2_500;
        GitRepo big = longHistory(root.resolve("long"), commits);
        serve("--root " + quote(root));

        String id = json(post("/api/scans", "{\"repository\": " + jsonText(big.dir())
                + ", \"plugins\": [\"commits\"]}"), 202).getAsJsonObject().get("id").getAsString();
        List<String[]> events = events(id);

        List<String> states = events.stream().filter(event -> event[0].equals("state")).map(ServeIT::state).toList();
        assertEquals("running", states.get(0).equals("queued") ? states.get(1) : states.get(0));
        assertEquals("done", states.get(states.size() - 1));
        List<JsonObject> progress = events.stream().filter(event -> event[0].equals("progress"))
                .map(event -> JsonParser.parseString(event[1]).getAsJsonObject()).toList();
        assertFalse("no progress event in " + events.size() + " events", progress.isEmpty());
        for (JsonObject figures : progress) {
            long scanned = figures.get("commits").getAsLong();
            assertTrue(figures.toString(), scanned > 0 && scanned <= commits);
        }
        // a client that comes late hears where the scan ended, and the stream ends
        List<String[]> late = events(id);
        assertEquals("done", state(late.get(late.size() - 1)));
    }

    /** Starts gstats:serve on a free loopback port in a thread of its own and waits until it answers. */
    private void serve(String arguments) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        AtomicReference<GogoCommands.Outcome> outcome = new AtomicReference<>();
        server = new Thread(() -> {
            try {
                outcome.set(new GogoCommands(context).execute("serve", "--port " + port + " " + arguments));
            } catch (Exception e) {
                outcome.set(new GogoCommands.Outcome("", "", null, e));
            }
        }, "gstats-serve-it");
        server.start();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue("gstats:serve ended: " + outcome.get(), server.isAlive());
            try {
                // both servlets up, with this run's settings (the token, when given, on both)
                int api = send(request("/api/health").GET()).statusCode();
                int page = send(request("/").GET()).statusCode();
                if ((api == 200 || api == 401) && page == api) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("gstats:serve did not answer on " + base + " within " + TIMEOUT);
    }

    /** The server-sent events of a scan until the stream ends: {name, data} each. */
    private List<String[]> events(String id) throws Exception {
        HttpResponse<java.io.InputStream> response = http.send(request("/api/scans/" + id + "/events").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String[]> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String name = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("event: ")) {
                    name = line.substring("event: ".length());
                } else if (line.startsWith("data: ")) {
                    events.add(new String[] {name, line.substring("data: ".length())});
                }
            }
        }
        assertFalse("no event", events.isEmpty());
        return events;
    }

    private static String state(String[] event) {
        assertEquals("state", event[0]);
        return JsonParser.parseString(event[1]).getAsJsonObject().get("state").getAsString();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonElement json(HttpResponse<String> response, int status) {
        assertEquals(response.body(), status, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JsonParser.parseString(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String part) {
        JsonObject body = json(response, status).getAsJsonObject();
        assertEquals(body.toString(), 1, body.size());
        String error = body.get("error").getAsString();
        assertTrue(error, error.contains(part));
        assertFalse(error, error.contains("Exception") || error.contains("\n\tat "));
    }

    private static JsonObject find(JsonArray array, String key, String value) {
        for (JsonElement element : array) {
            if (element.getAsJsonObject().get(key).getAsString().equals(value)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + key + " = " + value + " in " + array);
    }

    private static String jsonText(Object value) {
        JsonArray holder = new JsonArray();
        holder.add(value.toString());
        String text = holder.toString();
        return text.substring(1, text.length() - 1);
    }

    private static GitRepo repository(Path dir, int commits) throws IOException {
        Files.createDirectories(dir);
        GitRepo repo = GitRepo.init(dir);
        for (int i = 0; i < commits; i++) {
            repo.write("file.txt", "line\n".repeat(i + 1)).commit("commit " + i, i % 2 == 0 ? ANN : BOB);
        }
        return repo;
    }

    /** A long history made in one go by git fast-import: commit i adds one line to one file. */
    private static GitRepo longHistory(Path dir, int commits) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        GitRepo repo = GitRepo.init(dir);
        Process process = new ProcessBuilder("git", "fast-import", "--quiet").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = process.getOutputStream()) {
            StringBuilder content = new StringBuilder();
            for (int i = 0; i < commits; i++) {
                content.append("line ").append(i).append('\n');
                byte[] data = content.toString().getBytes(StandardCharsets.UTF_8);
                String message = "commit " + i + "\n";
                String header = "commit refs/heads/main\ncommitter Ann Example <ann@example.com> " + (1_600_000_000L
                        + i * 3_600L) + " +0000\ndata " + message.length() + "\n" + message
                        + "M 100644 inline file.txt\ndata " + data.length
                        + "\n";
                in.write(header.getBytes(StandardCharsets.UTF_8));
                in.write(data);
                in.write('\n');
            }
        }
        assertEquals(0, process.waitFor());
        repo.git("symbolic-ref", "HEAD", "refs/heads/main");
        repo.git("reset", "-q", "--hard");
        return repo;
    }
}
