package io.hub.app.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.app.events.Outbox;
import io.hub.app.ledger.Uuids;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Payment, withdrawal and KYC events through the transactional outbox (inside the caller's database transaction), each
 * to its own topic with the same CloudEvents headers as the wallet topic (the relay adds them): key = the player id,
 * {@code ce_source} {@code /hub/payments} or {@code /hub/kyc}, {@code ce_id} a fresh UUIDv7.
 *
 * <p>Payloads (amounts as decimal strings, ADR 0004):
 * <ul>
 *   <li>{@code io.hub.payments.deposit.v1}: {@code {"depositId","playerId","status","previousStatus","amount","refundedAmount",
 *       "currency","gatewayId","occurredAt"}}: one per state change, and one per refund that raises {@code refundedAmount}
 *       (the deposit's refunded total; a second partial refund is PARTIALLY_REFUNDED → PARTIALLY_REFUNDED)</li>
 *   <li>{@code io.hub.payments.withdrawal.v1}: {@code {"withdrawalId","playerId","status","previousStatus","amount","currency","holdReason","gatewayId","occurredAt"}}</li>
 *   <li>{@code io.hub.kyc.applicant.v1}: {@code {"playerId","status","previousStatus","vendorId","applicantId","occurredAt"}}</li>
 * </ul>
 */
@Component
public class PaymentEvents {
    public static final String DEPOSIT_TYPE = "io.hub.payments.deposit.v1";
    public static final String WITHDRAWAL_TYPE = "io.hub.payments.withdrawal.v1";
    public static final String KYC_TYPE = "io.hub.kyc.applicant.v1";
    private final Outbox outbox;
    private final ObjectMapper json;
    private final String depositTopic;
    private final String withdrawalTopic;
    private final String kycTopic;

    public PaymentEvents(Outbox outbox, ObjectMapper json,
                         @Value("${hub.kafka.deposit-topic:payments.deposits}") String depositTopic,
                         @Value("${hub.kafka.withdrawal-topic:payments.withdrawals}") String withdrawalTopic,
                         @Value("${hub.kafka.kyc-topic:kyc.applicants}") String kycTopic) {
        this.outbox = outbox;
        this.json = json;
        this.depositTopic = depositTopic;
        this.withdrawalTopic = withdrawalTopic;
        this.kycTopic = kycTopic;
    }

    public void deposit(UUID depositId, UUID playerId, String status, String previous, String amount, String refundedAmount, String currency,
                        String gatewayId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("depositId", depositId.toString());
        p.put("playerId", playerId.toString());
        p.put("status", status);
        p.put("previousStatus", previous);
        p.put("amount", amount);
        p.put("refundedAmount", refundedAmount);
        p.put("currency", currency);
        p.put("gatewayId", gatewayId);
        append(depositTopic, playerId, DEPOSIT_TYPE, "/hub/payments", p);
    }

    public void withdrawal(UUID withdrawalId, UUID playerId, String status, String previous, String amount, String currency,
                           String holdReason, String gatewayId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("withdrawalId", withdrawalId.toString());
        p.put("playerId", playerId.toString());
        p.put("status", status);
        p.put("previousStatus", previous);
        p.put("amount", amount);
        p.put("currency", currency);
        p.put("holdReason", holdReason);
        p.put("gatewayId", gatewayId);
        append(withdrawalTopic, playerId, WITHDRAWAL_TYPE, "/hub/payments", p);
    }

    public void kyc(UUID playerId, String status, String previous, String vendorId, String applicantId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("playerId", playerId.toString());
        p.put("status", status);
        p.put("previousStatus", previous);
        p.put("vendorId", vendorId);
        p.put("applicantId", applicantId);
        append(kycTopic, playerId, KYC_TYPE, "/hub/kyc", p);
    }

    private void append(String topic, UUID playerId, String type, String source, Map<String, Object> payload) {
        Instant now = Instant.now();
        payload.put("occurredAt", now.toString());
        try {
            outbox.append(topic, playerId.toString(), Uuids.v7().toString(), type, source, now, json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
