package io.hub.app.payments;

import io.hub.app.web.ApiError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * The operator's withdrawal review (operator JWT; POSTs need an {@code Idempotency-Key}).
 * <ul>
 *   <li>{@code GET /operator/withdrawals?status=ON_HOLD&limit=100} → {@code [{"withdrawalId","playerId","status","amount",
 *       "currency","holdReason","jurisdiction","createdAt"}]}</li>
 *   <li>{@code POST /operator/withdrawals/{id}/approve} → 200 the withdrawal (submitted to the gateway); 409 INVALID_STATE
 *       unless ON_HOLD, 409 KYC_NOT_APPROVED</li>
 *   <li>{@code POST /operator/withdrawals/{id}/reject} → 200 the withdrawal, REJECTED, its hold returned to the player's cash</li>
 *   <li>{@code GET /operator/webhooks?state=UNMATCHED} → inbox events in that state (see {@link #inbox})</li>
 * </ul>
 */
@RestController
public class OperatorWithdrawalsController {
    private static final Set<String> STATUSES = Set.of("REQUESTED", "ON_HOLD", "SUBMITTED", "PAID", "FAILED", "RETURNED", "REJECTED");
    private static final Set<String> INBOX_STATES = Set.of("RECEIVED", "PROCESSED", "UNMATCHED", "DEFERRED", "IGNORED");
    private final WithdrawalService withdrawals;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    public OperatorWithdrawalsController(WithdrawalService withdrawals, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.withdrawals = withdrawals;
        this.jdbc = jdbc;
    }

    /**
     * {@code GET /operator/webhooks?state=UNMATCHED&limit=100} → {@code [{"endpointId","eventId","eventType","status",
     * "reference","state","attempts","outcome","receivedAt","nextAttemptAt"}]}, oldest first: the events waiting for a
     * record (payments.md §7 #9 "store as UNMATCHED + alert") or deferred, for an operator to look at.
     */
    @GetMapping(path = "/operator/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Map<String, Object>> inbox(@RequestParam(defaultValue = "UNMATCHED") String state, @RequestParam(defaultValue = "100") int limit) {
        if (!INBOX_STATES.contains(state)) throw new PaymentProblem(400, "INVALID_MESSAGE", "state must be one of " + INBOX_STATES);
        return jdbc.query("SELECT endpoint_id, event_id, event_type, status, reference, state, attempts, outcome, received_at, next_attempt_at "
                + "FROM webhook_inbox WHERE state = ? ORDER BY received_at, id LIMIT ?", (rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("endpointId", rs.getString(1));
                    m.put("eventId", rs.getString(2));
                    m.put("eventType", rs.getString(3));
                    m.put("status", rs.getString(4));
                    m.put("reference", rs.getString(5));
                    m.put("state", rs.getString(6));
                    m.put("attempts", rs.getInt(7));
                    m.put("outcome", rs.getString(8));
                    m.put("receivedAt", rs.getTimestamp(9).toInstant().toString());
                    m.put("nextAttemptAt", rs.getTimestamp(10).toInstant().toString());
                    return m;
                }, state, Math.min(Math.max(limit, 1), 500));
    }

    @GetMapping(path = "/operator/withdrawals", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Map<String, Object>> list(@RequestParam(defaultValue = "ON_HOLD") String status, @RequestParam(defaultValue = "100") int limit) {
        if (!STATUSES.contains(status)) throw new PaymentProblem(400, "INVALID_MESSAGE", "status must be one of " + STATUSES);
        return withdrawals.byStatus(status, Math.min(Math.max(limit, 1), 500)).stream().map(OperatorWithdrawalsController::view).toList();
    }

    @PostMapping(path = "/operator/withdrawals/{id}/approve", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> approve(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return view(withdrawals.approve(id, operator(jwt)));
    }

    @PostMapping(path = "/operator/withdrawals/{id}/reject", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> reject(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return view(withdrawals.reject(id, operator(jwt)));
    }

    @ExceptionHandler(PaymentProblem.class)
    public ResponseEntity<ApiError> problem(PaymentProblem e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(new ApiError(e.error(), e.getMessage()));
    }

    private static String operator(Jwt jwt) {
        String name = jwt.getClaimAsString("preferred_username");
        return name != null ? name : jwt.getSubject();
    }

    static Map<String, Object> view(WithdrawalService.Withdrawal w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("withdrawalId", w.id().toString());
        m.put("playerId", w.playerId().toString());
        m.put("status", w.status());
        m.put("amount", w.amount().toDecimalString());
        m.put("currency", w.currency());
        m.put("holdReason", w.holdReason());
        m.put("jurisdiction", w.jurisdiction());
        m.put("createdAt", w.createdAt().toString());
        return m;
    }
}
