package org.gstats.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.gstats.testkit.HeadlessChromium;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * {@code bin/gstats serve} as a user runs it: it stays up until SIGTERM; its repository page,
 * opened in real headless Chromium at 1440x900 and as a 390x844 phone, draws the dashboard's
 * views from the server's JSON with no console error; its plugins page shows a plugin jar
 * dropped into the plugin folder without a reload.
 */
public class ServeLauncherIT {

    @ClassRule
    public static final TemporaryFolder TEMP = TemporaryFolder.builder()
            .parentFolder(SampleRepository.workDir().toFile()).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path distribution;
    private static Path plugins;
    private static Path root;
    private static SampleRepository sample;
    private static Process server;
    private static String base;
    private static HeadlessChromium chromium;
    /** The server's XDG_CACHE_HOME, where its scan store is. */
    private static Path cache;

    @BeforeClass
    public static void serve() throws Exception {
        distribution = ShippedSystem.distribution();
        root = TEMP.newFolder("root").toPath();
        sample = SampleRepository.create(root);
        plugins = TEMP.newFolder("plugins").toPath();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        ProcessBuilder builder = new ProcessBuilder(distribution.resolve("bin/gstats").toString(), "--plugin-dir",
                plugins.toString(), "serve", "--port", Integer.toString(port), "--root", root.toString())
                .directory(root.toFile())
                .redirectOutput(TEMP.newFile("serve.out"))
                .redirectError(TEMP.newFile("serve.err"));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("GSTATS_STORE");
        builder.environment().remove("GSTATS_SERVE_TOKEN");
        cache = TEMP.newFolder("cache").toPath();
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        server = builder.start();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            assertTrue("gstats serve ended: " + Files.readString(TEMP.getRoot().toPath().resolve("serve.err")),
                    server.isAlive());
            try {
                if (get("/api/health").statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertTrue("gstats serve did not answer within " + TIMEOUT, System.nanoTime() < deadline);
            Thread.sleep(200);
        }
    }

    /**
     * The class's one browser, started by the first test that needs it and closed after the class
     * (a second one started over it would outlive the tests).
     */
    private static void startChromium() throws IOException, InterruptedException {
        Optional<Path> executable = HeadlessChromium.find();
        Assume.assumeTrue("Chromium is not installed (apt-get install chromium)", executable.isPresent());
        if (chromium == null) {
            chromium = new HeadlessChromium(executable.get());
        }
    }

    @AfterClass
    public static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
        }
    }

    @Test
    public void theServedDashboardDrawsEveryViewWithoutAConsoleError() throws Exception {
        startChromium();
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/scans"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"repository\": \"" + sample.dir().getFileName() + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(started.body(), 202, started.statusCode());
        String id = JsonParser.parseString(started.body()).getAsJsonObject().get("id").getAsString();
        String events = get("/api/scans/" + id + "/events").body();
        assertTrue(events, events.contains("\"state\":\"done\""));

        URI page = URI.create(base + "/repository?path=" + URLEncoder.encode(sample.dir().toRealPath().toString(),
                StandardCharsets.UTF_8));
        for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
            try (HeadlessChromium.Page tab = chromium.open(page)) {
                tab.viewport(size[0], size[1], size[0] < 500);
                tab.waitFor("document.body.dataset.rendered === 'true'");
                assertTrue("the history trend is not drawn", tab.evaluate(
                        "Boolean(document.querySelector('.trend canvas'))").getAsBoolean());
                // the metrics plugin ran: the head's debt and duplication have a chart of their own
                assertEquals(2, tab.evaluate("[...document.querySelectorAll('.trend')].filter(box => "
                        + "box.querySelector('canvas')).length").getAsInt());
                List<String> drawn = new ArrayList<>();
                JsonArray views = tab.evaluate("[...document.querySelectorAll('.tab')].map(tab => tab.dataset.view)")
                        .getAsJsonArray();
                assertTrue(views.toString(), views.size() >= 4);
                for (JsonElement view : views) {
                    tab.evaluate("document.querySelector('.tab[data-view=\"" + view.getAsString() + "\"]').click()");
                    tab.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
                    JsonArray charts = tab.evaluate("[...document.querySelectorAll('section.view:not([hidden]) "
                            + ".chart-area')].map(area => { const chart = echarts.getInstanceByDom(area);"
                            + " const option = chart ? chart.getOption() : null;"
                            + " const canvas = area.querySelector('canvas');"
                            + " return { panel: area.closest('[data-panel]').dataset.panel,"
                            + "  points: option ? option.series.reduce((n, s) => n + (s.data || []).length, 0) : 0,"
                            + "  width: canvas ? canvas.width : 0 }; })").getAsJsonArray();
                    for (JsonElement element : charts) {
                        JsonObject chart = element.getAsJsonObject();
                        assertTrue(view + " at " + size[0] + ": " + chart, chart.get("points").getAsInt() > 0);
                        assertTrue(view + " at " + size[0] + ": " + chart, chart.get("width").getAsInt() >= Math
                                .min(300, size[0] - 60));
                        drawn.add(view.getAsString() + "/" + chart.get("panel").getAsString());
                    }
                    assertEquals(view + " at " + size[0] + " px scrolls sideways", tab.evaluate(
                            "document.documentElement.clientWidth").getAsInt(), tab.evaluate(
                            "document.documentElement.scrollWidth").getAsInt());
                }
                assertTrue("only " + drawn, drawn.size() >= 10);
                assertEquals(List.of(), tab.problems());
                assertTrue(tab.requests().stream().allMatch(url -> url.startsWith(base)));
            }
        }
    }

    @Test
    public void aScanStartedFromThePageStreamsItsProgressAndDrawsTheDashboard() throws Exception {
        startChromium();
        Path other = SampleRepository.create(root).dir().toRealPath();
        try (HeadlessChromium.Page tab = chromium.open(URI.create(base + "/repository?path="
                + URLEncoder.encode(other.toString(), StandardCharsets.UTF_8)))) {
            tab.waitFor("document.querySelector('.progress').textContent.includes('no report')");
            tab.evaluate("document.querySelector('#page button').click()");
            tab.waitFor("document.body.dataset.rendered === 'true'");
            assertEquals("Scan done", tab.evaluate("document.querySelector('.progress').textContent").getAsString());
            assertTrue(tab.evaluate("document.querySelectorAll('.tab').length").getAsInt() >= 4);
            // the scan is stored: the page draws the history it had none of
            tab.waitFor("Boolean(document.querySelector('.trend canvas'))");
            assertEquals("gstats · " + other.getFileName(), tab.evaluate("document.title").getAsString());
            assertEquals(List.of(), tab.problems());
        }
    }

    @Test
    public void theRepositoriesAndPluginsPagesFitAPhone() throws Exception {
        startChromium();
        Path listed = SampleRepository.create(root).dir().toRealPath();
        LauncherIT.Run scan = LauncherIT.run(distribution.resolve("bin/gstats"), listed,
                Map.of("XDG_CACHE_HOME", cache.toString()), "", "scan", "--format", "json", ".");
        assertEquals(scan.stderr(), 0, scan.exit());
        Process count = new ProcessBuilder("git", "-C", listed.toString(), "rev-list", "--count", "HEAD").start();
        String commits = new String(count.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, count.waitFor());
        for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
            for (String page : List.of("/", "/plugins")) {
                try (HeadlessChromium.Page tab = chromium.open(URI.create(base + page))) {
                    tab.viewport(size[0], size[1], size[0] < 500);
                    tab.waitFor("document.body.dataset.rendered === 'true'");
                    String where = page + " at " + size[0] + " px";
                    assertEquals(where + " scrolls sideways", tab.evaluate("document.documentElement.clientWidth")
                            .getAsInt(), tab.evaluate("document.documentElement.scrollWidth").getAsInt());
                    // a figure is never broken over two lines
                    JsonArray lines = tab.evaluate("[...document.querySelectorAll('td.number')].map(td => {"
                            + " const range = document.createRange(); range.selectNodeContents(td);"
                            + " return range.getClientRects().length; })").getAsJsonArray();
                    lines.forEach(figure -> assertEquals(where + ": " + lines, 1, figure.getAsInt()));
                    if (size[0] < 500) {
                        // on a phone each row is a card: its cells take the page's width, not a seventh of it
                        assertTrue(where, tab.evaluate("[...document.querySelectorAll('table.listing td')]"
                                + ".filter(td => td.textContent).every(td => td.getBoundingClientRect().width > "
                                + size[0] / 2 + ")").getAsBoolean());
                    }
                    if (page.equals("/")) {
                        String row = tab.evaluate("[...document.querySelectorAll('table.listing tbody tr')]"
                                + ".find(row => row.cells[0].textContent === " + new JsonPrimitive(listed.toString())
                                + ").cells[2].textContent").getAsString();
                        assertEquals(where, commits, row.replace(",", ""));
                    } else {
                        assertTrue(where, tab.evaluate("document.body.textContent.includes('What it does')")
                                .getAsBoolean());
                    }
                    assertEquals(where, List.of(), tab.problems());
                }
            }
        }
    }

    @Test
    public void aRepositoryScannedOnTheCommandLineShowsItsDashboardFromTheStore() throws Exception {
        startChromium();
        // scanned by another process into the server's store: the server never ran this scan
        Path scanned = SampleRepository.create(root).dir().toRealPath();
        LauncherIT.Run scan = LauncherIT.run(distribution.resolve("bin/gstats"), scanned,
                Map.of("XDG_CACHE_HOME", cache.toString()), "", "scan", "--format", "json", ".");
        assertEquals(scan.stderr(), 0, scan.exit());
        JsonObject printed = JsonParser.parseString(scan.stdout()).getAsJsonObject();

        JsonObject listed = null;
        String repositories = get("/api/repositories").body();
        for (JsonElement repository : JsonParser.parseString(repositories).getAsJsonArray()) {
            if (repository.getAsJsonObject().get("path").getAsString().equals(scanned.toString())) {
                listed = repository.getAsJsonObject();
            }
        }
        assertTrue(scanned + " is not in " + repositories + "; the scan said: " + scan.stderr(), listed != null);
        String id = listed.get("latestReport").getAsString();
        assertTrue(id, id.startsWith("stored-"));
        JsonObject served = JsonParser.parseString(get("/api/scans/" + id + "/report").body()).getAsJsonObject();
        assertEquals(printed.getAsJsonObject("sections"), served.getAsJsonObject("sections"));

        try (HeadlessChromium.Page tab = chromium.open(URI.create(base + "/repository?path="
                + URLEncoder.encode(scanned.toString(), StandardCharsets.UTF_8)))) {
            tab.waitFor("document.body.dataset.rendered === 'true'");
            assertTrue(tab.evaluate("document.querySelectorAll('.tab').length").getAsInt() >= 4);
            assertTrue(tab.evaluate("document.querySelectorAll('.chart-area canvas').length").getAsInt() > 0);
            assertEquals(List.of(), tab.problems());
        }
    }

    @Test
    public void aPluginDroppedIntoThePluginFolderAppearsOnThePluginsPage() throws Exception {
        startChromium();
        try (HeadlessChromium.Page tab = chromium.open(URI.create(base + "/plugins"))) {
            tab.waitFor("document.body.dataset.rendered === 'true'");
            assertTrue(tab.evaluate("document.body.textContent.includes('commits')").getAsBoolean());
            assertTrue(tab.evaluate("!document.body.textContent.includes('ownership')").getAsBoolean());
            Path jar = plugins.resolve("ownership.jar.part");
            Files.copy(Path.of(System.getProperty("gstats.ownership.jar")), jar);
            Files.move(jar, plugins.resolve("ownership.jar"));
            tab.waitFor("document.body.textContent.includes('ownership')");
            assertEquals(List.of(), tab.problems());
        }
    }

    @Test
    public void anAddressOtherThanLoopbackNeedsAToken() throws Exception {
        LauncherIT.Run run = LauncherIT.run(distribution.resolve("bin/gstats"), sample.dir(),
                Map.of("GSTATS_SERVE_TOKEN", ""), "", "serve", "--bind", "0.0.0.0", "--port", "0");
        assertEquals(run.stderr(), 2, run.exit());
        assertEquals(List.of("gstats: serve: --bind 0.0.0.0 is reachable from other machines: give --token T (or set "
                + "GSTATS_SERVE_TOKEN) so that every request must carry it"), run.stderrLines());
    }

    @Test
    public void aPortInUseIsOneLineAndExit2() throws Exception {
        String port = base.substring(base.lastIndexOf(':') + 1);
        LauncherIT.Run run = LauncherIT.run(distribution.resolve("bin/gstats"), sample.dir(),
                Map.of("GSTATS_SERVE_TOKEN", "", "XDG_CACHE_HOME", TEMP.newFolder("taken-cache").toString()), "",
                "serve", "--port", port);
        assertEquals(run.stderr(), 2, run.exit());
        assertEquals(List.of("gstats: serve: port " + port + " on 127.0.0.1 is in use (another server?): give --port N,"
                + " or --port 0 for any free one"), run.stderrLines());
        assertEquals(200, get("/api/health").statusCode());
    }

    @Test
    public void sigtermStopsAServerConfiguredByTheEnvironment() throws Exception {
        // a server of its own (the other tests share theirs), set up by [serve] keys, not options
        Path root = TEMP.newFolder("term").toPath().toRealPath();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path config = TEMP.newFile("serve.toml").toPath();
        Files.writeString(config, "[serve]\nbind = \"127.0.0.1\"\nport = 1\n");
        ProcessBuilder builder = new ProcessBuilder(distribution.resolve("bin/gstats").toString(), "serve")
                .directory(sample.dir().toFile()).redirectErrorStream(true);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("GSTATS_SERVE_TOKEN");
        builder.environment().put("GSTATS_CONFIG", config.toString());
        // a single key's variable outranks the GSTATS_CONFIG file's port
        builder.environment().put("GSTATS_SERVE_PORT", Integer.toString(port));
        builder.environment().put("GSTATS_SERVE_ROOTS", root.toString());
        builder.environment().put("XDG_CACHE_HOME", TEMP.newFolder("term-cache").toString());
        Process process = builder.start();
        try {
            InputStream out = process.getInputStream();
            StringBuilder seen = new StringBuilder();
            while (!seen.toString().contains("Ctrl-C stops)")) {
                int c = out.read();
                assertTrue("ended before serving: " + seen, c >= 0);
                seen.append((char) c);
            }
            assertTrue(seen.toString(), seen.toString().contains("gstats: serving http://127.0.0.1:" + port
                    + "/ (repositories under [" + root + "]"));
            assertEquals(200, get("http://127.0.0.1:" + port, "/api/health").statusCode());
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(143, process.exitValue());
            try {
                get("http://127.0.0.1:" + port, "/api/health");
                throw new AssertionError("still answering after SIGTERM");
            } catch (IOException e) {
                // nothing listens any more
            }
        } finally {
            // a failed assertion must not leave the server running
            process.destroyForcibly();
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(base, path);
    }

    private static HttpResponse<String> get(String server, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server + path)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
