package io.hub.app.web;

import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import io.hub.contracts.money.AmountFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps exceptions to {@link ApiError} JSON with the right status: bad input is a 4xx, never a 500. Only an
 * unexpected failure is a 500 (logged with its stack trace, answered without internals).
 */
@RestControllerAdvice
public class RestErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(RestErrorHandler.class);

    @ExceptionHandler(RejectedException.class)
    public ResponseEntity<ApiError> rejected(RejectedException e) {
        return ResponseEntity.status(status(e.code())).body(new ApiError(e.code().name(), e.getMessage()));
    }

    /** HTTP status of each rejection code. */
    public static HttpStatus status(RejectionCode code) {
        return switch (code) {
            case INSUFFICIENT_FUNDS -> HttpStatus.UNPROCESSABLE_CONTENT;
            case IDEMPOTENCY_CONFLICT -> HttpStatus.CONFLICT;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNKNOWN_GAME, UNKNOWN_PLAYER -> HttpStatus.NOT_FOUND;
            case PLAYER_BLOCKED -> HttpStatus.FORBIDDEN;
            case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    @ExceptionHandler(AmountFormatException.class)
    public ResponseEntity<ApiError> amount(AmountFormatException e) {
        return ResponseEntity.badRequest().body(new ApiError(RejectionCode.INVALID_AMOUNT.name(), e.getMessage()));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    public ResponseEntity<ApiError> unreadable(Exception e) {
        return ResponseEntity.badRequest().body(new ApiError(RejectionCode.INVALID_MESSAGE.name(), unreadableMessage(e)));
    }

    /**
     * What the caller must fix, without the hub's internals: the parameter or the JSON field (path like
     * {@code currencies[0]}) that could not be read, and our own validation message when a value was refused by the
     * hub's types (their {@link IllegalArgumentException} messages are written for callers); a duplicate member name
     * is named. Anything else: "the request body is not valid JSON for this endpoint".
     */
    static String unreadableMessage(Exception e) {
        if (e instanceof MethodArgumentTypeMismatchException m) {
            Class<?> type = m.getRequiredType();
            return "parameter '" + m.getName() + "' is not a valid " + (type == null ? "value" : type.getSimpleName());
        }
        if (e instanceof MissingServletRequestParameterException m) return "parameter '" + m.getParameterName() + "' is required";
        String path = null;
        String reason = null;
        int depth = 0;
        for (Throwable t = e; t != null && depth < 10; t = t.getCause(), depth++) {
            if (path == null) path = jsonPath(t);
            String msg = t.getMessage();
            if (msg != null && msg.startsWith("Duplicate Object property") || msg != null && msg.startsWith("Duplicate field")) {
                int q1 = msg.indexOf('"');
                int q2 = q1 < 0 ? -1 : msg.indexOf('"', q1 + 1);
                reason = q2 > q1 ? "duplicate member " + msg.substring(q1, q2 + 1) : "duplicate member name";
            } else if (t instanceof IllegalArgumentException && msg != null && !t.getClass().getName().startsWith("tools.jackson")
                    && !t.getClass().getName().startsWith("com.fasterxml")) {
                reason = msg;
            }
            if (t.getCause() == t) break;
        }
        if (e instanceof HttpMessageNotReadableException && e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return "a JSON request body is required";
        }
        if (path != null && !path.isEmpty()) return "field '" + path + "': " + (reason != null ? reason : "missing, of the wrong type or not an allowed value");
        if (reason != null) return reason;
        return "the request body is not valid JSON for this endpoint";
    }

    /** The JSON path of a Jackson 3 or Jackson 2 mapping exception ({@code a.b[0]}), or null. */
    private static String jsonPath(Throwable t) {
        StringBuilder sb = new StringBuilder();
        if (t instanceof tools.jackson.databind.DatabindException d) {
            for (tools.jackson.core.JacksonException.Reference r : d.getPath()) append(sb, r.getPropertyName(), r.getIndex());
        } else if (t instanceof com.fasterxml.jackson.databind.JsonMappingException j) {
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : j.getPath()) append(sb, r.getFieldName(), r.getIndex());
        } else {
            return null;
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void append(StringBuilder sb, String name, int index) {
        if (name != null) sb.append(sb.length() == 0 ? "" : ".").append(name);
        else if (index >= 0) sb.append('[').append(index).append(']');
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    public ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
        return ResponseEntity.badRequest().body(new ApiError(RejectionCode.MISSING_FIELD.name(), "header " + e.getHeaderName() + " is required"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<ApiError> illegalArgument(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(new ApiError(RejectionCode.INVALID_MESSAGE.name(), e.getMessage()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<ApiError> notFound(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("NOT_FOUND", "no such resource"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(new ApiError("METHOD_NOT_ALLOWED", e.getMessage()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(new ApiError("UNSUPPORTED_MEDIA_TYPE", "send application/json"));
    }

    /**
     * Spring Security's firewall refuses a header value with non-ASCII or control characters when the header is read
     * (here: by the controller), not when the request enters.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    public ResponseEntity<ApiError> refused(Exception e) {
        return ResponseEntity.badRequest().body(new ApiError(RejectionCode.INVALID_MESSAGE.name(),
                "the request was refused (characters not allowed in its URL or headers)"));
    }

    /** The client accepts no JSON: answer 406 with the JSON error anyway, written directly (no content negotiation). */
    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    public void notAcceptable(jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException {
        JsonErrors.write(res, 406, "NOT_ACCEPTABLE", "this endpoint answers application/json");
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ApiError(RejectionCode.INTERNAL_ERROR.name(), RejectionCode.INTERNAL_ERROR.defaultMessage()));
    }
}
