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
        return ResponseEntity.badRequest().body(new ApiError(RejectionCode.INVALID_MESSAGE.name(), "the request could not be read"));
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
