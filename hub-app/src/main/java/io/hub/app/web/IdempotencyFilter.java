package io.hub.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The hub's {@code Idempotency-Key} semantics for every mutating player and operator endpoint, as
 * draft-ietf-httpapi-idempotency-key-header (-07) §2 and §5 say, in one place: a servlet filter behind Spring Security
 * (so the caller is known) on POST, PUT, PATCH and DELETE of the paths in {@link IdempotencyProperties#paths()}.
 *
 * <ul>
 *   <li>no {@code Idempotency-Key} header → 400 {@code MISSING_FIELD} "header Idempotency-Key is required"; a key that
 *       is not 1–255 visible ASCII characters (an RFC 8941 sf-string in quotes is accepted too) → 400 {@code INVALID_MESSAGE}</li>
 *   <li>first use of (caller, key) → the request runs; its answer (status, content type, body) is stored, except a 5xx
 *       or a refusal before execution (400, 404, 405, 406, 413, 415), whose record is removed so that a retry (or the
 *       corrected request) runs again</li>
 *   <li>same key, same method, path and body → the stored answer byte for byte, with {@code Idempotent-Replayed: true}</li>
 *   <li>same key, another method, path or body → 422 {@code IDEMPOTENCY_KEY_REUSED}</li>
 *   <li>same key while the first request is still running → 409 {@code REQUEST_IN_PROGRESS} (after
 *       {@link IdempotencyProperties#lockTimeout()} a retry takes over a request whose node died)</li>
 * </ul>
 * The caller is the authenticated principal's name (the JWT {@code sub}); keys of different callers never meet.
 * Records older than {@link IdempotencyProperties#retention()} are deleted. The fingerprint is SHA-256 over the
 * method, the path with its query and the body: a JSON body in canonical form (member order and whitespace do not
 * matter), any other body byte for byte ({@link #fingerprint(String, String, String, byte[])}).
 */
@Component
@Order(0) // after Spring Security's chain (order -100), so the caller is known
public class IdempotencyFilter extends OncePerRequestFilter {
    static final String HEADER = "Idempotency-Key";
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    /**
     * Answers to requests refused before they ran (malformed or invalid input, no such resource or method, unsupported
     * media type, too large): not stored, so the corrected request may reuse its key (payments.md §3.4 rule 3; Stripe
     * saves nothing when parameter validation fails). Business refusals (409, 422) ran and are stored.
     */
    private static final Set<Integer> NOT_EXECUTED = Set.of(400, 404, 405, 406, 413, 415);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final long CLEANUP_EVERY_MS = 600_000;
    private final JdbcTemplate jdbc;
    private final IdempotencyProperties props;
    private final AntPathMatcher matcher = new AntPathMatcher();
    private final AtomicLong lastCleanup = new AtomicLong();

    public IdempotencyFilter(JdbcTemplate jdbc, IdempotencyProperties props) {
        this.jdbc = jdbc;
        this.props = props;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest req) {
        if (!METHODS.contains(req.getMethod())) return true;
        String path = req.getRequestURI().substring(req.getContextPath().length());
        for (String p : props.paths()) if (matcher.match(p, path)) return false;
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            chain.doFilter(req, res); // security decides (these paths all need a token)
            return;
        }
        String raw = req.getHeader(HEADER);
        if (raw == null || raw.isBlank()) {
            JsonErrors.write(res, 400, "MISSING_FIELD", "header Idempotency-Key is required");
            return;
        }
        String key = raw.trim();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) key = key.substring(1, key.length() - 1);
        if (!KEY.matcher(key).matches()) {
            JsonErrors.write(res, 400, "INVALID_MESSAGE", "Idempotency-Key must be 1-255 visible ASCII characters");
            return;
        }
        byte[] body = req.getInputStream().readNBytes(props.maxBodyBytes() + 1);
        if (body.length > props.maxBodyBytes()) {
            JsonErrors.write(res, 413, "INVALID_MESSAGE", "request body too large");
            return;
        }
        String caller = auth.getName();
        String path = req.getRequestURI() + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
        byte[] fingerprint = fingerprint(req.getMethod(), path, req.getContentType(), body);
        cleanupNowAndThen();

        int inserted = jdbc.update("INSERT INTO idempotency_record (caller, idem_key, fingerprint, method, path) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (caller, idem_key) DO NOTHING", caller, key, fingerprint, req.getMethod(), path);
        if (inserted == 0) {
            Stored stored = jdbc.query("SELECT fingerprint, status, content_type, response_body FROM idempotency_record WHERE caller = ? AND idem_key = ?",
                    rs -> rs.next() ? new Stored(rs.getBytes(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)) : null, caller, key);
            if (stored == null) { // removed meanwhile (a 5xx answer): the retry may run
                inserted = jdbc.update("INSERT INTO idempotency_record (caller, idem_key, fingerprint, method, path) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (caller, idem_key) DO NOTHING", caller, key, fingerprint, req.getMethod(), path);
                if (inserted == 0) {
                    JsonErrors.write(res, 409, "REQUEST_IN_PROGRESS", "a request with this Idempotency-Key is still being processed; retry later");
                    return;
                }
            } else if (!MessageDigest.isEqual(stored.fingerprint(), fingerprint)) {
                JsonErrors.write(res, 422, "IDEMPOTENCY_KEY_REUSED", "this Idempotency-Key was used for a different request");
                return;
            } else if (stored.status() != null) {
                res.setStatus(stored.status());
                if (stored.contentType() != null) res.setContentType(stored.contentType());
                res.setHeader("Idempotent-Replayed", "true");
                byte[] b = stored.body() == null ? new byte[0] : stored.body();
                res.setContentLength(b.length);
                res.getOutputStream().write(b);
                return;
            } else {
                int taken = jdbc.update("UPDATE idempotency_record SET locked_at = clock_timestamp() WHERE caller = ? AND idem_key = ? "
                        + "AND status IS NULL AND locked_at < ?", caller, key, Timestamp.from(Instant.now().minus(props.lockTimeout())));
                if (taken == 0) {
                    JsonErrors.write(res, 409, "REQUEST_IN_PROGRESS", "a request with this Idempotency-Key is still being processed; retry later");
                    return;
                }
            }
        }
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(res);
        boolean stored = false;
        try {
            chain.doFilter(new CachedBodyRequest(req, body), wrapped);
            int status = wrapped.getStatus();
            if (status < 500 && !NOT_EXECUTED.contains(status)) {
                jdbc.update("UPDATE idempotency_record SET status = ?, content_type = ?, response_body = ? WHERE caller = ? AND idem_key = ?",
                        status, wrapped.getContentType(), wrapped.getContentAsByteArray(), caller, key);
                stored = true;
            }
        } finally {
            if (!stored) jdbc.update("DELETE FROM idempotency_record WHERE caller = ? AND idem_key = ? AND status IS NULL", caller, key);
            wrapped.copyBodyToResponse();
        }
    }

    private record Stored(byte[] fingerprint, Integer status, String contentType, byte[] body) {
    }

    private void cleanupNowAndThen() {
        long now = System.currentTimeMillis();
        long last = lastCleanup.get();
        if (now - last < CLEANUP_EVERY_MS || !lastCleanup.compareAndSet(last, now)) return;
        jdbc.update("DELETE FROM idempotency_record WHERE created_at < ?", Timestamp.from(Instant.now().minus(props.retention())));
    }

    /**
     * SHA-256 over the method, the path with its query and the body (payments.md §3.4 rule 3: "fingerprint =
     * SHA-256(method, path, canonical body)"). A JSON body ({@code application/json} or {@code +json}) that parses
     * strictly (one value, no duplicate names) is fingerprinted in a canonical form: object members sorted by name, no
     * insignificant whitespace, strings and numbers exactly as sent (numbers are never read as binary floating point,
     * so {@code 1.10} and {@code 1.1} stay different). A retry re-serialised by a client library (other member order or
     * spacing) is then the same request. Any other body is fingerprinted byte for byte.
     */
    static byte[] fingerprint(String method, String path, String contentType, byte[] body) {
        byte[] canonical = canonicalJson(contentType, body);
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            if (canonical != null) d.update("json:".getBytes(StandardCharsets.US_ASCII));
            d.update(canonical != null ? canonical : body);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Byte-for-byte fingerprint (a body that is not JSON). */
    static byte[] fingerprint(String method, String path, byte[] body) {
        return fingerprint(method, path, null, body);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper CANONICAL = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** The canonical form of a JSON body, or null when the body is not JSON or does not parse strictly. */
    static byte[] canonicalJson(String contentType, byte[] body) {
        if (contentType == null || body.length == 0) return null;
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        int semi = type.indexOf(';');
        if (semi >= 0) type = type.substring(0, semi);
        type = type.trim();
        if (!type.equals("application/json") && !type.endsWith("+json")) return null;
        try {
            return CANONICAL.writeValueAsBytes(CANONICAL.readTree(body));
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** The request with its body already read, served again to the controller. */
    static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous body only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String enc = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), enc == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(enc)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    List<String> paths() {
        return props.paths();
    }
}
