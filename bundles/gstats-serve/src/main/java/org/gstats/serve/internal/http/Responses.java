package org.gstats.serve.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

import org.gstats.serve.internal.scans.ScanJob;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** How the server answers: JSON bodies, and errors as {@code {"error": ONE LINE}} without stack traces. */
final class Responses {

    static final String JSON = "application/json";
    /** The largest refused body still read to its end (1 MiB). */
    static final long DRAINED = 1 << 20;
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private Responses() {
    }

    static void json(HttpServletResponse response, int status, JsonElement body) throws IOException {
        text(response, status, JSON, GSON.toJson(body));
    }

    static void text(HttpServletResponse response, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(type + ";charset=utf-8");
        response.setContentLength(bytes.length);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    /**
     * An answer derived from a finished scan, made once and kept as UTF-8 and gzip bytes off the
     * heap ({@link CachedBody}; a report is megabytes of JSON: encoding and compressing it per
     * request would cost more than sending it); gzip goes to clients that accept it, as browsers do. Each carries an entity tag
     * made from its bytes (a scan's answers never change, but a new server numbers its scans from
     * 1 again), so a client that has it already gets 304 without a body.
     */
    static void cached(ScanJob job, String key, String type, Function<ScanJob, String> make,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        CachedBody plain = job.derived(key, done -> CachedBody.of(make.apply(done).getBytes(StandardCharsets.UTF_8)));
        String encodings = request.getHeader("Accept-Encoding");
        boolean gzip = encodings != null && encodings.contains("gzip");
        String etag = "\"" + plain.tag() + (gzip ? "-gzip" : "") + "\"";
        response.setHeader("Cache-Control", "private, no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Vary", "Accept-Encoding");
        response.setHeader("ETag", etag);
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(304);
            return;
        }
        CachedBody body = gzip ? job.derived("gzip:" + key, done -> CachedBody.of(compressed(plain.toArray()))) : plain;
        response.setStatus(200);
        response.setContentType(type + ";charset=utf-8");
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length());
        try (OutputStream out = response.getOutputStream()) {
            body.writeTo(out);
        }
    }

    /** Whether an If-None-Match header names this entity tag (compared weakly, as RFC 9110 says). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String given : ifNoneMatch.split(",")) {
            String candidate = given.strip();
            if (candidate.equals("*") || (candidate.startsWith("W/") ? candidate.substring(2) : candidate).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] compressed(byte[] plain) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(plain.length / 8 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("error", message);
        json(response, status, body);
    }

    /**
     * The request body, at most {@code limit} bytes.
     *
     * @return {@code null} when it is larger; the caller answers 413. A body of up to
     *         {@value #DRAINED} bytes is read and dropped first, so that its client, still
     *         sending, reads the answer instead of a broken connection.
     */
    static byte[] body(HttpServletRequest request, long limit) throws IOException {
        try (InputStream in = request.getInputStream()) {
            if (request.getContentLengthLong() > limit) {
                if (request.getContentLengthLong() <= DRAINED) {
                    in.skipNBytes(request.getContentLengthLong());
                }
                return null;
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            return bytes.length > limit ? null : bytes;
        }
    }
}
