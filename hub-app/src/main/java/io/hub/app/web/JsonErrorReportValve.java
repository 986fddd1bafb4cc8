package io.hub.app.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's own error answers in the hub's JSON error shape ({@code {"error":"…","message":"…"}}) instead of Tomcat's
 * HTML page: requests refused by the container before any servlet runs (a URL with an invalid percent-encoding or
 * characters the parser refuses → 400 {@code INVALID_MESSAGE}), and any error status a servlet left without a body.
 * Answers written by the hub itself (controllers, filters, the security entry points) are left alone.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        String error;
        String message;
        if (status == 400) {
            error = "INVALID_MESSAGE";
            message = "the request could not be parsed (malformed URL, header or encoding)";
        } else if (status == 404) {
            error = "NOT_FOUND";
            message = "no such resource";
        } else if (status == 405) {
            error = "METHOD_NOT_ALLOWED";
            message = "this method is not allowed here";
        } else if (status >= 500) {
            error = "INTERNAL_ERROR";
            message = "the request could not be completed; retry later";
        } else {
            error = "HTTP_" + status;
            message = "the request was refused";
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer w = response.getReporter();
            if (w != null) {
                w.write("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response was committed meanwhile: nothing more to say
        }
    }

    /** Puts the valve on the host in place of Tomcat's {@link ErrorReportValve} when the web application starts. */
    @Configuration(proxyBeanMethods = false)
    static class Install {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReportValve() {
            return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
                if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType())) return;
                Container host = context.getParent();
                if (host == null) return;
                for (Valve v : host.getPipeline().getValves()) {
                    if (v instanceof ErrorReportValve && !(v instanceof JsonErrorReportValve)) host.getPipeline().removeValve(v);
                }
                boolean present = false;
                for (Valve v : host.getPipeline().getValves()) present |= v instanceof JsonErrorReportValve;
                if (!present) host.getPipeline().addValve(new JsonErrorReportValve());
            }));
        }
    }
}
