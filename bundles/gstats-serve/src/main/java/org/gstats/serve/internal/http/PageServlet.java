package org.gstats.serve.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

import org.gstats.serve.internal.ServeSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web UI: three pages (repositories, a repository's dashboard, plugins) and their files,
 * all from the bundle. The pages hold no data; their script reads it from {@code /api}, and
 * the dashboard is {@code dashboard.js}, the same views the HTML report embeds.
 */
@Component(service = Servlet.class, configurationPid = ServeSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {"osgi.http.whiteboard.servlet.pattern=/", "osgi.http.whiteboard.servlet.name=gstats-pages"})
public final class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Page paths to their file under {@code /web}. */
    private static final Map<String, String> PAGES = Map.of("/", "index.html", "/repository", "repository.html",
            "/plugins", "plugins.html");
    private static final Map<String, String> TYPES = Map.of("html", "text/html;charset=utf-8", "js",
            "text/javascript;charset=utf-8", "css", "text/css;charset=utf-8", "svg", "image/svg+xml");
    /** Scripts and styles from this server only; nothing inline, no request elsewhere. */
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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
        // HEAD is answered as GET; Jetty sends the status and headers and drops the body
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            Responses.error(response, 405, request.getMethod() + " is not allowed here");
            return;
        }
        String path = Optional.ofNullable(request.getServletPath()).orElse("")
                + Optional.ofNullable(request.getPathInfo()).orElse("");
        String file = PAGES.get(path.isEmpty() ? "/" : path);
        if (file == null && path.startsWith("/static/") && path.indexOf("..") < 0) {
            file = path.substring("/static/".length());
        }
        InputStream in = file == null ? null : PageServlet.class.getResourceAsStream("/web/" + file);
        if (in == null) {
            Responses.error(response, 404, "there is no page " + path);
            return;
        }
        String extension = file.substring(file.lastIndexOf('.') + 1);
        try (in; OutputStream out = response.getOutputStream()) {
            response.setStatus(200);
            response.setContentType(TYPES.getOrDefault(extension, "application/octet-stream"));
            response.setHeader("Content-Security-Policy", POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            in.transferTo(out);
        }
    }
}
