package io.hub.app.payments;

import io.hub.app.web.ApiError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of the webhook inbox (operator JWT, as every {@code /operator/**} path; the POST goes through the
 * {@code Idempotency-Key} filter of {@code hub.idempotency.paths}, which covers {@code /operator/**}).
 * <ul>
 *   <li>{@code GET /operator/webhooks?state=PARKED&limit=100} → {@code [{"id","endpointId","eventId","eventType","status",
 *       "reference","amount"?,"currency"?,"state","attempts","failures","outcome","lastError","receivedAt","nextAttemptAt",
 *       "parkedAt"}]}, oldest first; {@code state} one of RECEIVED, PROCESSED, UNMATCHED (waiting for a record,
 *       payments.md §7 #9), DEFERRED, IGNORED, PARKED (default UNMATCHED); {@code limit} 1..500. {@code amount} is a
 *       decimal string (ADR 0004). The raw body is not shown: it may carry personal data (billing details, applicant
 *       data) and the canonical fields are what an operator acts on; it stays in the row for audit.</li>
 *   <li>{@code POST /operator/webhooks/{id}/retry} → 200 the event, back to RECEIVED and due now (failures reset);
 *       404 NOT_FOUND; 409 INVALID_STATE unless PARKED. Recorded in {@code audit_log} (WEBHOOK_RETRIED).</li>
 * </ul>
 * Errors are {@code {"error","message"}}; an unknown {@code state} is 400 INVALID_MESSAGE.
 */
@RestController
public class OperatorWebhooksController {
    static final Set<String> INBOX_STATES = Set.of("RECEIVED", "PROCESSED", "UNMATCHED", "DEFERRED", "IGNORED", "PARKED");
    private final InboxParking parking;

    public OperatorWebhooksController(InboxParking parking) {
        this.parking = parking;
    }

    @GetMapping(path = "/operator/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Map<String, Object>> inbox(@RequestParam(defaultValue = "UNMATCHED") String state, @RequestParam(defaultValue = "100") int limit) {
        if (!INBOX_STATES.contains(state)) throw new PaymentProblem(400, "INVALID_MESSAGE", "state must be one of " + INBOX_STATES);
        if (limit < 1 || limit > 500) throw new PaymentProblem(400, "INVALID_MESSAGE", "limit must be 1-500");
        return parking.list(state, limit);
    }

    @PostMapping(path = "/operator/webhooks/{id}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> retry(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return parking.retry(id, OperatorWithdrawalsController.operator(jwt));
    }

    @ExceptionHandler(PaymentProblem.class)
    public ResponseEntity<ApiError> problem(PaymentProblem e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(new ApiError(e.error(), e.getMessage()));
    }
}
