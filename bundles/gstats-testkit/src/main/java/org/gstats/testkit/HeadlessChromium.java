package org.gstats.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket, JSON messages):
 * open a page, evaluate JavaScript in it, see what it logged and requested, take a screenshot.
 * One browser per instance; every page is a new tab of it.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Long enough for a slow machine; a page that never finishes fails the test instead of hanging it. */
    private static final long TIMEOUT_SECONDS = 60;
    private static final Pattern DEVTOOLS_URL = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> replies = new ConcurrentHashMap<>();
    private final List<JsonObject> events = new ArrayList<>();

    /** The Chromium executable, if one is installed. */
    public static Optional<Path> find() {
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    public HeadlessChromium(Path executable) throws IOException, InterruptedException {
        profile = Files.createTempDirectory("gstats-chromium");
        process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String url = devToolsUrl();
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(url), new Listener())
                .join();
    }

    /** Reads Chromium's stderr until it names its DevTools address, then drains the rest. */
    private String devToolsUrl() throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = err.readLine()) != null) {
            Matcher matcher = DEVTOOLS_URL.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> err.lines().forEach(ignored -> { }), "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1);
            }
            seen.add(line);
        }
        throw new IOException("Chromium ended without a DevTools address: " + String.join("\n", seen));
    }

    /** A new tab showing {@code url}, loaded. */
    public Page open(URI url) throws IOException {
        JsonObject target = call(null, "Target.createTarget", object("url", "about:blank"));
        String targetId = target.get("targetId").getAsString();
        JsonObject attach = object("targetId", targetId);
        attach.addProperty("flatten", true);
        String session = call(null, "Target.attachToTarget", attach).get("sessionId").getAsString();
        for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
            call(session, domain + ".enable", new JsonObject());
        }
        call(session, "Page.navigate", object("url", url.toString()));
        await(event -> session.equals(string(event, "sessionId")) && "Page.loadEventFired".equals(string(event,
                "method")));
        return new Page(session, targetId);
    }

    /** A tab: its own DevTools session. */
    public final class Page implements AutoCloseable {
        private final String session;
        private final String targetId;

        private Page(String session, String targetId) {
            this.session = session;
            this.targetId = targetId;
        }

        /** Closes the tab. */
        @Override
        public void close() throws IOException {
            call(null, "Target.closeTarget", object("targetId", targetId));
        }

        /** The value of a JavaScript expression (JSON-like values only); fails on an exception. */
        public JsonElement evaluate(String expression) throws IOException {
            JsonObject params = object("expression", expression);
            params.addProperty("returnByValue", true);
            params.addProperty("awaitPromise", true);
            JsonObject result = call(session, "Runtime.evaluate", params);
            if (result.has("exceptionDetails")) {
                throw new IOException("JavaScript failed: " + result.get("exceptionDetails"));
            }
            JsonObject value = result.getAsJsonObject("result");
            return value.has("value") ? value.get("value") : JsonNull.INSTANCE;
        }

        /** Waits until the expression is true in the page. */
        public void waitFor(String expression) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!evaluate("Boolean(" + expression + ")").getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the page never got to " + expression + "; it reported " + problems());
                }
                Thread.sleep(50);
            }
        }

        /**
         * What the page reported as a problem: console errors and warnings, uncaught exceptions,
         * browser log entries of level error or warning (a blocked request, a CSP violation).
         */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            for (JsonObject event : events(session)) {
                String method = string(event, "method");
                JsonObject params = event.getAsJsonObject("params");
                if ("Runtime.consoleAPICalled".equals(method)
                        && List.of("error", "warning", "assert").contains(params.get("type").getAsString())) {
                    problems.add("console." + params.get("type").getAsString() + ": " + params.get("args"));
                } else if ("Runtime.exceptionThrown".equals(method)) {
                    problems.add("exception: " + params.get("exceptionDetails"));
                } else if ("Log.entryAdded".equals(method)) {
                    JsonObject entry = params.getAsJsonObject("entry");
                    if (List.of("error", "warning").contains(entry.get("level").getAsString())) {
                        problems.add("log " + entry.get("level").getAsString() + ": " + entry.get("text"));
                    }
                }
            }
            return problems;
        }

        /** The URLs the page requested, the page itself included. */
        public List<String> requests() {
            List<String> urls = new ArrayList<>();
            for (JsonObject event : events(session)) {
                if ("Network.requestWillBeSent".equals(string(event, "method"))) {
                    urls.add(event.getAsJsonObject("params").getAsJsonObject("request").get("url").getAsString());
                }
            }
            return urls;
        }

        /** Shows the page in a window of this many CSS pixels, as a phone does when {@code mobile}. */
        public void viewport(int width, int height, boolean mobile) throws IOException, InterruptedException {
            JsonObject metrics = new JsonObject();
            metrics.addProperty("width", width);
            metrics.addProperty("height", height);
            metrics.addProperty("deviceScaleFactor", 1);
            metrics.addProperty("mobile", mobile);
            call(session, "Emulation.setDeviceMetricsOverride", metrics);
            evaluate("window.dispatchEvent(new Event('resize'))");
            evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        }

        /** A PNG of the whole page, {@code width} CSS pixels wide. */
        public byte[] screenshot(int width) throws IOException, InterruptedException {
            JsonObject metrics = new JsonObject();
            metrics.addProperty("width", width);
            metrics.addProperty("height", 900);
            metrics.addProperty("deviceScaleFactor", 1);
            metrics.addProperty("mobile", false);
            call(session, "Emulation.setDeviceMetricsOverride", metrics);
            evaluate("window.dispatchEvent(new Event('resize'))");
            int height = evaluate("document.documentElement.scrollHeight").getAsInt();
            metrics.addProperty("height", height);
            call(session, "Emulation.setDeviceMetricsOverride", metrics);
            evaluate("window.dispatchEvent(new Event('resize'))");
            evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
            JsonObject params = object("format", "png");
            params.addProperty("captureBeyondViewport", true);
            return Base64.getDecoder().decode(call(session, "Page.captureScreenshot", params).get("data")
                    .getAsString());
        }
    }

    private List<JsonObject> events(String session) {
        synchronized (events) {
            return events.stream().filter(event -> session.equals(string(event, "sessionId"))).toList();
        }
    }

    private void await(Predicate<JsonObject> wanted) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        synchronized (events) {
            while (events.stream().noneMatch(wanted)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("Chromium sent no such event in " + TIMEOUT_SECONDS + " s");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(events, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
    }

    private JsonObject call(String session, String method, JsonObject params) throws IOException {
        int id = ids.incrementAndGet();
        JsonObject message = new JsonObject();
        message.addProperty("id", id);
        message.addProperty("method", method);
        message.add("params", params);
        if (session != null) {
            message.addProperty("sessionId", session);
        }
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText(message.toString(), true).join();
        try {
            JsonObject answer = reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IOException(method + " failed: " + answer.get("error"));
            }
            return answer.getAsJsonObject("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(method + " got no answer", e);
        } finally {
            replies.remove(id);
        }
    }

    private static JsonObject object(String key, String value) {
        JsonObject object = new JsonObject();
        object.addProperty(key, value);
        return object;
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    /** Collects a message's parts, then hands it to the caller that waits for it or to the events. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                JsonObject received = JsonParser.parseString(message.toString()).getAsJsonObject();
                message.setLength(0);
                if (received.has("id")) {
                    CompletableFuture<JsonObject> reply = replies.get(received.get("id").getAsInt());
                    if (reply != null) {
                        reply.complete(received);
                    }
                } else {
                    synchronized (events) {
                        events.add(received);
                        events.notifyAll();
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            socket.sendText("{\"id\":0,\"method\":\"Browser.close\"}", true);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
