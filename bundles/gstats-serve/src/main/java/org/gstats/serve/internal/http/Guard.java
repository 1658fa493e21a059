package org.gstats.serve.internal.http;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.gstats.serve.internal.ServeSettings;
import org.gstats.serve.internal.access.Access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The checks every request passes before a servlet sees it: the bearer token when one is set,
 * and, for a POST (the one method that changes something), a JSON body, which a plain HTML form
 * on another site cannot send (so no cross-site request forgery by forms); other methods are
 * answered 405 by the servlets.
 */
final class Guard {

    private final Access access;
    private final long maxBodyBytes;

    Guard(ServeSettings settings) {
        this.access = new Access(Arrays.stream(settings.roots()).map(Path::of).toList(), settings._token());
        this.maxBodyBytes = settings.max_body_bytes();
    }

    Access access() {
        return access;
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Whether the request may go on; if not, the answer is written. */
    boolean admits(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!access.admits(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer");
            Responses.error(response, 401, "this server needs a token: send Authorization: Bearer TOKEN");
            return false;
        }
        String method = request.getMethod();
        if (method.equals("POST")) {
            String type = request.getContentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(Responses.JSON)) {
                Responses.error(response, 415, method + " needs a JSON body (Content-Type: application/json)");
                return false;
            }
        }
        return true;
    }
}
