package org.gstats.serve.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.gstats.api.report.Report;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.WriterOptions;
import org.gstats.api.scan.PluginRegistry;
import org.gstats.api.scan.PluginStatus;
import org.gstats.api.store.ScanStore;
import org.gstats.api.store.ScanSummary;
import org.gstats.api.store.StoreException;
import org.gstats.config.api.ConfigException;
import org.gstats.serve.internal.ServeSettings;
import org.gstats.serve.internal.access.Access;
import org.gstats.serve.internal.scans.ScanJob;
import org.gstats.serve.internal.scans.ScanJobs;
import org.gstats.serve.internal.scans.ScanOptions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The REST API under {@code /api}: JSON in and out, described by {@code /api/openapi.json}. */
@Component(service = Servlet.class, configurationPid = ServeSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {"osgi.http.whiteboard.servlet.pattern=/api/*", "osgi.http.whiteboard.servlet.name=gstats-api"})
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** How often an idle event stream says it is still there, so that a gone client is noticed. */
    private static final long KEEP_ALIVE_MS = 15_000;

    @Reference
    private transient ScanJobs scans;

    @Reference
    private transient PluginRegistry plugins;

    @Reference(target = "(" + ReportWriter.FORMAT_PROPERTY + "=csv)")
    private transient ReportWriter csv;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ScanStore store;

    private transient Guard guard;

    @Activate
    void activate(ServeSettings settings) {
        guard = new Guard(settings);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!guard.admits(request, response)) {
            return;
        }
        String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
        List<String> parts = List.of(path.substring(1).split("/", -1));
        String method = request.getMethod();
        try {
            route(method, parts, request, response);
        } catch (Access.Refusal refusal) {
            Responses.error(response, refusal.status(), refusal.getMessage());
        } catch (StoreException e) {
            Responses.error(response, 503, e.getMessage());
        }
    }

    private void route(String method, List<String> parts, HttpServletRequest request, HttpServletResponse response)
            throws IOException, Access.Refusal, StoreException {
        String first = parts.get(0);
        // HEAD is answered as GET; Jetty sends the status and headers and drops the body
        boolean get = method.equals("GET") || method.equals("HEAD");
        if (parts.size() == 1 && get && first.equals("health")) {
            health(response);
        } else if (parts.size() == 1 && get && first.equals("repositories")) {
            repositories(response);
        } else if (parts.size() == 1 && get && first.equals("history")) {
            history(request, response);
        } else if (parts.size() == 1 && get && first.equals("plugins")) {
            plugins(response);
        } else if (parts.size() == 1 && get && first.equals("openapi.json")) {
            openApi(response);
        } else if (parts.size() == 1 && first.equals("scans") && method.equals("POST")) {
            start(request, response);
        } else if (parts.size() == 1 && first.equals("scans") && get) {
            JsonArray all = new JsonArray();
            scans.jobs().forEach(job -> all.add(describe(job)));
            Responses.json(response, 200, all);
        } else if (parts.size() >= 2 && first.equals("scans") && get) {
            // a stored scan of a repository outside the roots is not there for this server
            Optional<ScanJob> job = scans.job(parts.get(1)).filter(found -> guard.access().shows(found.repository()));
            if (job.isEmpty()) {
                Responses.error(response, 404, "there is no scan " + parts.get(1));
            } else {
                scan(job.get(), parts.subList(2, parts.size()), request, response);
            }
        } else if (isKnown(first)) {
            Responses.error(response, 405, method + " is not allowed on /api/" + String.join("/", parts));
        } else {
            Responses.error(response, 404, "there is no /api/" + String.join("/", parts) + " (see /api/openapi.json)");
        }
    }

    private static boolean isKnown(String first) {
        return Set.of("health", "repositories", "history", "plugins", "openapi.json", "scans").contains(first);
    }

    private void health(HttpServletResponse response) throws IOException {
        JsonObject health = new JsonObject();
        health.addProperty("status", "ok");
        health.addProperty("store", store != null);
        JsonObject counts = new JsonObject();
        for (ScanJob.State state : ScanJob.State.values()) {
            counts.addProperty(state.label(), scans.jobs().stream().filter(job -> job.state() == state).count());
        }
        health.add("scans", counts);
        Responses.json(response, 200, health);
    }

    private void repositories(HttpServletResponse response) throws IOException, StoreException {
        Set<Path> paths = new LinkedHashSet<>();
        ScanStore current = store;
        if (current != null) {
            paths.addAll(current.repositories());
        }
        scans.jobs().forEach(job -> paths.add(job.repository()));
        paths.addAll(guard.access().found());
        JsonArray list = new JsonArray();
        for (Path path : paths) {
            if (!guard.access().shows(path)) {
                continue;
            }
            JsonObject repository = new JsonObject();
            repository.addProperty("path", path.toString());
            List<ScanSummary> history = current == null ? List.of() : current.history(path);
            repository.addProperty("storedScans", history.size());
            repository.add("latest", history.isEmpty() ? null : summary(history.get(history.size() - 1)));
            repository.addProperty("latestReport", scans.latestReport(path, history).orElse(null));
            list.add(repository);
        }
        Responses.json(response, 200, list);
    }

    private void history(HttpServletRequest request, HttpServletResponse response)
            throws IOException, Access.Refusal, StoreException {
        String given = request.getParameter("repository");
        if (given == null) {
            Responses.error(response, 400, "the request names no repository (/api/history?repository=PATH)");
            return;
        }
        Path repository = guard.access().repository(given);
        ScanStore current = store;
        JsonArray list = new JsonArray();
        if (current != null) {
            current.history(repository).forEach(summary -> list.add(summary(summary)));
        }
        Responses.json(response, 200, list);
    }

    private static JsonObject summary(ScanSummary summary) {
        JsonObject json = new JsonObject();
        json.addProperty("scanId", summary.scanId());
        json.addProperty("started", summary.started().toString());
        json.addProperty("branch", summary.branch());
        json.addProperty("scope", summary.scope());
        json.addProperty("headId", summary.headId());
        json.addProperty("commits", summary.commits());
        json.addProperty("authors", summary.authors());
        json.addProperty("files", summary.files());
        json.addProperty("lines", summary.lines());
        json.addProperty("complexity", summary.complexity());
        json.addProperty("debtScore", summary.debtScore());
        json.addProperty("debtRating", summary.debtRating());
        json.addProperty("duplication", summary.duplication());
        json.addProperty("durationMs", summary.durationMs());
        json.addProperty("gstatsVersion", summary.gstatsVersion());
        return json;
    }

    private void plugins(HttpServletResponse response) throws IOException {
        JsonArray list = new JsonArray();
        for (PluginStatus status : plugins.statuses()) {
            JsonObject plugin = new JsonObject();
            plugin.addProperty("name", status.name());
            plugin.addProperty("state", status.state().name().toLowerCase(java.util.Locale.ROOT));
            plugin.addProperty("reason", status.reason());
            plugin.addProperty("version", status.version());
            plugin.addProperty("apiRange", status.apiVersion());
            plugin.addProperty("bundle", status.bundle());
            plugin.addProperty("description", status.description());
            list.add(plugin);
        }
        Responses.json(response, 200, list);
    }

    private void openApi(HttpServletResponse response) throws IOException {
        try (InputStream in = ApiServlet.class.getResourceAsStream("/web/openapi.json")) {
            JsonObject description = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            // the scan options are listed where they are declared, not copied into the file
            JsonObject properties = description.getAsJsonObject("components").getAsJsonObject("schemas")
                    .getAsJsonObject("ScanStart").getAsJsonObject("properties");
            ScanOptions.described().forEach((name, help) -> {
                JsonObject property = new JsonObject();
                property.addProperty("description", "as gstats scan " + help);
                properties.add(name, property);
            });
            Responses.json(response, 200, description);
        }
    }

    private void start(HttpServletRequest request, HttpServletResponse response) throws IOException, Access.Refusal {
        byte[] bytes = Responses.body(request, guard.maxBodyBytes());
        if (bytes == null) {
            Responses.error(response, 413, "the request body is larger than " + guard.maxBodyBytes() + " bytes");
            return;
        }
        JsonObject body;
        try {
            JsonElement parsed = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                throw new JsonParseException("not an object");
            }
            body = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            Responses.error(response, 400, "the body is not a JSON object such as {\"repository\": \"PATH\"}");
            return;
        }
        JsonElement given = body.get("repository");
        if (given == null || !given.isJsonPrimitive()) {
            Responses.error(response, 400, "the body names no repository (give \"repository\": PATH)");
            return;
        }
        Path repository = guard.access().repository(given.getAsString());
        ScanJob job;
        try {
            List<String> chosen = ScanOptions.plugins(body);
            Optional<String> unknown = unknownPlugin(chosen);
            if (unknown.isPresent()) {
                Responses.error(response, 400, unknown.get());
                return;
            }
            job = scans.start(repository, ScanOptions.of(body), chosen);
        } catch (ScanOptions.BadOption | ConfigException e) {
            Responses.error(response, 400, e.getMessage());
            return;
        }
        response.setHeader("Location", "/api/scans/" + job.id());
        JsonObject created = new JsonObject();
        created.addProperty("id", job.id());
        Responses.json(response, 202, created);
    }

    /**
     * A name no installed plugin has, told at once rather than by a failed scan. Whether a known
     * plugin may take part (not rejected, not disabled) stays the engine's to say when the scan starts.
     */
    private Optional<String> unknownPlugin(List<String> chosen) {
        List<String> names = plugins.statuses().stream().map(PluginStatus::name).distinct().toList();
        return chosen.stream().filter(name -> !names.contains(name)).findFirst()
                .map(name -> "unknown plugin '" + name + "' (plugins: " + String.join(", ", names) + ")");
    }

    private void scan(ScanJob job, List<String> rest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (rest.isEmpty()) {
            Responses.json(response, 200, describe(job));
        } else if (rest.size() == 1 && rest.get(0).equals("events")) {
            events(job, request, response);
        } else if (rest.size() == 1 && rest.get(0).equals("report")) {
            if (notDone(job, response)) {
                return;
            }
            Responses.cached(job, "report", Responses.JSON, ScanJob::reportJson, request, response);
        } else if (rest.size() == 2 && rest.get(0).equals("tables")) {
            if (notDone(job, response)) {
                return;
            }
            table(job, rest.get(1), request, response);
        } else {
            Responses.error(response, 404, "there is no /api/scans/" + job.id() + "/" + String.join("/", rest));
        }
    }

    private static boolean notDone(ScanJob job, HttpServletResponse response) throws IOException {
        return switch (job.state()) {
            case DONE -> false;
            case FAILED -> {
                Responses.error(response, 409, "scan " + job.id() + " failed: " + job.error());
                yield true;
            }
            default -> {
                Responses.error(response, 409, "scan " + job.id() + " is " + job.state().label()
                        + "; its report is there once it is done");
                yield true;
            }
        };
    }

    private void table(ScanJob job, String name, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        // each table's rows are taken out of the JSON report once, when first asked for, and kept
        JsonTables.Rows rows = job.derived("rows:" + name, done -> JsonTables.rows(done.reportJson(), name));
        if (rows == null) {
            Responses.error(response, 404, "scan " + job.id() + " has no table " + name + " (tables are named "
                    + "SECTION.TABLE, e.g. commits.authors)");
            return;
        }
        String accept = Optional.ofNullable(request.getHeader("Accept")).orElse("");
        if (accept.contains("text/csv")) {
            Responses.cached(job, "csv:" + name, "text/csv", done -> csv(done, name, rows), request, response);
            return;
        }
        Responses.cached(job, "json:" + name, Responses.JSON, done -> rows.rows().toString(), request, response);
    }

    /** The csv format's table: of the report a scan of this server made, or of the rows a stored report holds. */
    private String csv(ScanJob job, String table, JsonTables.Rows rows) {
        Report report = job.report() != null ? job.report() : JsonTables.report(table, rows);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            csv.write(report, new WriterOptions(false, table), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Server-sent events: the scan's state and progress until it ends or the client goes. */
    private static void events(ScanJob job, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        if (request.getMethod().equals("HEAD")) {
            // no body to drop: a stream that lasts as long as the scan would hold the client that long
            return;
        }
        PrintWriter out = response.getWriter();
        BlockingQueue<ScanJob.Change> changes = new LinkedBlockingQueue<>();
        Consumer<ScanJob.Change> follower = changes::add;
        boolean following = job.follow(follower);
        try {
            while (true) {
                ScanJob.Change change = changes.poll(following ? KEEP_ALIVE_MS : 0, TimeUnit.MILLISECONDS);
                if (change == null) {
                    if (!following) {
                        return;
                    }
                    out.write(": still scanning\n\n");
                } else {
                    JsonObject data = Responses.GSON.toJsonTree(change.fields()).getAsJsonObject();
                    out.write("event: " + change.name() + "\ndata: " + Responses.GSON.toJson(data) + "\n\n");
                    if (change.name().equals("state") && isFinished(data)) {
                        following = false;
                    }
                }
                out.flush();
                if (out.checkError()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            job.unfollow(follower);
        }
    }

    private static boolean isFinished(JsonObject state) {
        String label = state.get("state").getAsString();
        return label.equals(ScanJob.State.DONE.label()) || label.equals(ScanJob.State.FAILED.label());
    }

    private static JsonObject describe(ScanJob job) {
        JsonObject json = new JsonObject();
        json.addProperty("id", job.id());
        json.addProperty("repository", job.repository().toString());
        json.addProperty("state", job.state().label());
        json.addProperty("created", job.created().toString());
        json.addProperty("started", text(job.started()));
        json.addProperty("finished", text(job.finished()));
        json.addProperty("error", job.error());
        Map<String, Object> progress = job.progress();
        json.add("progress", Responses.GSON.toJsonTree(progress));
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
