package io.hub.app.web;

/**
 * The JSON error body of every REST endpoint: {@code {"error":"INSUFFICIENT_FUNDS","message":"…"}}. {@code error}
 * is a {@link io.hub.contracts.RejectionCode} name or one of UNAUTHORIZED, FORBIDDEN, INVALID_CREDENTIALS,
 * NOT_FOUND, CONFLICT, METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE, and for the Idempotency-Key header
 * ({@link IdempotencyFilter}) IDEMPOTENCY_KEY_REUSED (422) and REQUEST_IN_PROGRESS (409).
 */
public record ApiError(String error, String message) {
}
