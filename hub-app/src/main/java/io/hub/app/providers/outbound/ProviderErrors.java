package io.hub.app.providers.outbound;

import io.hub.app.providers.ProviderRegistry;
import io.hub.app.providers.catalogue.CatalogueSync;
import io.hub.app.web.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * JSON errors of the provider controllers (operator onboarding, game launch), ahead of the hub-wide handler:
 * provider call failures 502/503/504 ({@link ProviderCallException}), 404 UNKNOWN_PROVIDER, 409 CONFLICT (id taken),
 * 409 VERSION_CONFLICT, 429 RATE_LIMITED with {@code Retry-After}, and {@link ProviderApiException}s.
 */
@RestControllerAdvice(basePackages = "io.hub.app.providers")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProviderErrors {
    @ExceptionHandler(ProviderCallException.class)
    public ResponseEntity<ApiError> call(ProviderCallException e) {
        return ResponseEntity.status(e.kind().httpStatus).body(new ApiError(e.kind().code, e.getMessage()));
    }

    @ExceptionHandler(ProviderApiException.class)
    public ResponseEntity<ApiError> api(ProviderApiException e) {
        return ResponseEntity.status(e.status()).body(new ApiError(e.code(), e.getMessage()));
    }

    @ExceptionHandler(ProviderRegistry.ProviderNotFoundException.class)
    public ResponseEntity<ApiError> notFound(ProviderRegistry.ProviderNotFoundException e) {
        return ResponseEntity.status(404).body(new ApiError("UNKNOWN_PROVIDER", e.getMessage()));
    }

    @ExceptionHandler(ProviderRegistry.ProviderExistsException.class)
    public ResponseEntity<ApiError> exists(ProviderRegistry.ProviderExistsException e) {
        return ResponseEntity.status(409).body(new ApiError("CONFLICT", e.getMessage()));
    }

    @ExceptionHandler(ProviderRegistry.VersionConflictException.class)
    public ResponseEntity<ApiError> version(ProviderRegistry.VersionConflictException e) {
        return ResponseEntity.status(409).body(new ApiError("VERSION_CONFLICT", e.getMessage()));
    }

    @ExceptionHandler(CatalogueSync.RateLimitedException.class)
    public ResponseEntity<ApiError> rateLimited(CatalogueSync.RateLimitedException e) {
        return ResponseEntity.status(429).header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .body(new ApiError("RATE_LIMITED", e.getMessage()));
    }
}
