package org.gstats.plugin.export.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.FilterOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.gstats.api.report.Report;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.Table;
import org.gstats.api.report.WriterOptions;
import org.osgi.service.component.annotations.Component;

import com.google.gson.stream.JsonWriter;

/**
 * The report as one HTML file that opens offline in a current browser: the dashboard of
 * {@code dashboard.js} (views of charts, Apache ECharts embedded whole, with their tables folded
 * beneath) drawn from the JSON report, which sits in the page gzip-compressed and in base64 (a
 * large repository's report is several megabytes of JSON and a tenth of that compressed);
 * {@code static-report.js} unpacks it with the browser's {@code DecompressionStream} and hands
 * it to the dashboard. The repository's stored scans, when the store holds them, sit beside it as
 * a JSON table, from which the dashboard draws its History view: beside the report, not in it,
 * since a report is the same whether or not a store kept earlier scans. A Content-Security-Policy
 * allows exactly the page's own scripts and no request to anywhere. The fleet's dashboard page
 * ({@code gstats-fleet}) takes the same scripts and style by these resource names.
 */
@Component(service = ReportWriter.class, property = ReportWriter.FORMAT_PROPERTY + "=" + HtmlReportWriter.FORMAT)
public class HtmlReportWriter implements ReportWriter {

    static final String FORMAT = "html";
    /** Unpacked from the ECharts webjar at build time. */
    public static final String ECHARTS = "/html/echarts/echarts.min.js";
    /** The views: a JSON report in, the dashboard out; the same script can serve a live page. */
    public static final String DASHBOARD = "/html/dashboard.js";
    /** Unpacks the embedded report and starts the dashboard. */
    static final String BOOT = "/html/static-report.js";
    public static final String STYLE = "/html/dashboard.css";

    /** Text that would end or confuse a script element if it appeared inside one. */
    private static final Pattern SCRIPT_BREAKERS = Pattern.compile("(?i)</(script)|<!--");

    /**
     * The page's fixed parts, made when the first HTML report is written: the component is
     * activated on every run (whoever lists the formats gets every writer), and preparing them,
     * ECharts' megabyte escaped and hashed, is tens of milliseconds a JSON run would pay for nothing.
     */
    private static final class Page {

        final String echarts;
        final String dashboard;
        final String boot;
        final String style;
        final String contentSecurityPolicy;

        private Page() {
            echarts = inScript(resource(ECHARTS));
            dashboard = inScript(resource(DASHBOARD));
            boot = inScript(resource(BOOT));
            style = resource(STYLE).replace("</", "<\\/");
            contentSecurityPolicy = "default-src 'none'; script-src " + sha256(echarts) + " " + sha256(dashboard)
                    + " " + sha256(boot) + "; style-src 'unsafe-inline'; img-src data:";
        }
    }

    private volatile Page page;

    private Page page() {
        Page made = page;
        if (made == null) {
            synchronized (this) {
                if (page == null) {
                    page = new Page();
                }
                made = page;
            }
        }
        return made;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public Set<Option> options() {
        return Set.of(Option.HISTORY);
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        write(report, WriterOptions.DEFAULT, out);
    }

    @Override
    public void write(Report report, WriterOptions options, OutputStream out) throws IOException {
        Page page = page();
        Writer html = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        html.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + page.contentSecurityPolicy + "\">\n");
        html.write("<title>" + escape(title(report)) + "</title>\n");
        html.write("<style>\n" + page.style + "</style>\n</head>\n<body>\n");
        html.write("<noscript>This report draws its tables and charts with JavaScript. Allow it, or read the same "
                + "data with gstats scan --format json.</noscript>\n");
        html.write("<main id=\"report\"></main>\n");
        html.write("<script type=\"text/plain\" id=\"gstats-data\" data-encoding=\"gzip base64\">");
        html.flush();
        writeCompressed(report, out);
        html.write("</script>\n");
        if (options.history() != null) {
            html.write("<script type=\"application/json\" id=\"gstats-history\">");
            writeHistory(options.history(), html);
            html.write("</script>\n");
        }
        for (String script : new String[] {page.echarts, page.dashboard, page.boot}) {
            html.write("<script>");
            html.write(script);
            html.write("</script>\n");
        }
        html.write("</body>\n</html>\n");
        html.flush();
    }

    /** The JSON report, gzip-compressed, in base64: only letters, digits, +, / and =, safe in any element. */
    private static void writeCompressed(Report report, OutputStream out) throws IOException {
        OutputStream kept = new FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try (GZIPOutputStream gzip = new GZIPOutputStream(Base64.getEncoder().wrap(kept), 1 << 16)) {
            new JsonReportWriter().write(report, WriterOptions.DEFAULT, gzip);
        }
    }

    /**
     * The stored scans as JSON that cannot end its element: HTML-safe, so that the {@code <} and
     * {@code >} a branch name may hold are written as JSON's unicode escapes.
     */
    private static void writeHistory(Table history, Writer html) throws IOException {
        JsonWriter json = new JsonWriter(html);
        json.setHtmlSafe(true);
        JsonReportWriter.writeTable(history, json);
        json.flush();
    }

    private static String title(Report report) {
        String repository = report.header().repository();
        if (repository == null) {
            return "gstats report";
        }
        String path = repository.replaceAll("[/\\\\]+$", "");
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        return "gstats report \u2013 " + ReportValues.text(name.isEmpty() ? repository : name);
    }

    /** Text for HTML content or a quoted attribute. */
    public static String escape(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }

    /**
     * The script with {@code </script} and {@code <!--} broken up by a backslash, which leaves
     * its meaning alone (in JavaScript strings and regular expressions {@code \/} is {@code /}
     * and {@code \!} is {@code !}) and keeps the HTML parser from ending the element early.
     */
    public static String inScript(String javaScript) {
        Matcher breaker = SCRIPT_BREAKERS.matcher(javaScript);
        StringBuilder safe = new StringBuilder(javaScript.length());
        while (breaker.find()) {
            breaker.appendReplacement(safe, breaker.group(1) != null
                    ? Matcher.quoteReplacement("<\\/" + breaker.group(1))
                    : Matcher.quoteReplacement("<\\!--"));
        }
        breaker.appendTail(safe);
        return safe.toString();
    }

    /** A CSP source that allows exactly this inline script (the fleet's dashboard uses it too). */
    public static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the export bundle lacks " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the export bundle", e);
        }
    }
}
