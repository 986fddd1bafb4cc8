package io.hub.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes an {@link ApiError} on a raw servlet response (for filters and security entry points). */
public final class JsonErrors {
    private JsonErrors() {
    }

    public static void write(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + error + "\",\"message\":\"" + message.replace("\"", "'") + "\"}");
    }
}
