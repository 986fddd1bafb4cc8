package io.hub.app.payments;

import io.hub.app.web.ApiError;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's resolution of a deposit stuck PENDING because its gateway confirmed another amount (inbox event parked
 * AMOUNT_MISMATCH, docs/payments.md). Operator JWT; POSTs need an {@code Idempotency-Key}; both are audited.
 * <ul>
 *   <li>{@code POST /operator/deposits/{id}/accept-amount} {@code {"amount":"0.01"}} (decimal string in the deposit's
 *       currency, ADR 0004) → 200 the deposit: its amount becomes the confirmed one and the parked event that confirms
 *       exactly it is processed again, crediting that amount once; 409 NO_PARKED_MISMATCH when no parked event confirms
 *       that amount, 409 INVALID_STATE unless PENDING, 400 INVALID_AMOUNT</li>
 *   <li>{@code POST /operator/deposits/{id}/fail} → 200 the deposit, FAILED (no money moves; a later success is recorded
 *       only); 409 INVALID_STATE unless PENDING</li>
 * </ul>
 */
@RestController
public class OperatorDepositsController {
    private final DepositService deposits;

    public OperatorDepositsController(DepositService deposits) {
        this.deposits = deposits;
    }

    /** @param amount the confirmed amount as a decimal string (a JSON number is refused: ADR 0004) */
    public record AcceptAmount(Object amount) {
    }

    @PostMapping(path = "/operator/deposits/{id}/accept-amount", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> acceptAmount(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id, @RequestBody AcceptAmount body) {
        DepositService.Deposit d = deposits.find(id).orElseThrow(() -> new PaymentProblem(404, "NOT_FOUND", "no deposit " + id));
        if (body == null || !(body.amount() instanceof String text)) {
            throw new PaymentProblem(400, "INVALID_AMOUNT", "amount is required as a decimal string, e.g. \"0.01\"");
        }
        Money confirmed;
        try {
            confirmed = Money.parse(text, CurrencyUnit.of(d.currency()));
        } catch (RuntimeException e) {
            throw new PaymentProblem(400, "INVALID_AMOUNT", e.getMessage());
        }
        return PaymentsController.view(deposits.acceptConfirmedAmount(id, confirmed, OperatorWithdrawalsController.operator(jwt)));
    }

    @PostMapping(path = "/operator/deposits/{id}/fail", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> fail(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return PaymentsController.view(deposits.failByOperator(id, OperatorWithdrawalsController.operator(jwt)));
    }

    @ExceptionHandler(PaymentProblem.class)
    public ResponseEntity<ApiError> problem(PaymentProblem e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(new ApiError(e.error(), e.getMessage()));
    }
}
