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
 * </ul>
 * Both decisions are recorded in {@code audit_log} (WITHDRAWAL_APPROVED / WITHDRAWAL_REJECTED). The webhook inbox's
 * operator API is {@link OperatorWebhooksController}.
 */
@RestController
public class OperatorWithdrawalsController {
    private static final Set<String> STATUSES = Set.of("REQUESTED", "ON_HOLD", "SUBMITTED", "PAID", "FAILED", "RETURNED", "REJECTED", "CANCELED");
    private final WithdrawalService withdrawals;

    public OperatorWithdrawalsController(WithdrawalService withdrawals) {
        this.withdrawals = withdrawals;
    }

    @GetMapping(path = "/operator/withdrawals", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Map<String, Object>> list(@RequestParam(defaultValue = "ON_HOLD") String status, @RequestParam(defaultValue = "100") int limit) {
        if (!STATUSES.contains(status)) throw new PaymentProblem(400, "INVALID_MESSAGE", "status must be one of " + STATUSES);
        if (limit < 1 || limit > 500) throw new PaymentProblem(400, "INVALID_MESSAGE", "limit must be 1-500");
        return withdrawals.byStatus(status, limit).stream().map(OperatorWithdrawalsController::view).toList();
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

    static String operator(Jwt jwt) {
        return io.hub.app.auth.CurrentUser.actorName(jwt);
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
