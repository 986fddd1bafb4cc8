package io.hub.payments.sumsub;

import io.hub.contracts.payments.KycStatus;
import io.hub.contracts.payments.VerifiedWebhook;
import io.hub.contracts.payments.WebhookSubject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SumsubMessages.Event} → {@link VerifiedWebhook} (subject APPLICANT, reference = {@code applicantId}).
 *
 * <p>Sumsub sends no event id, so the inbox key is derived from fields that stay the same on a retry:
 * {@code <applicantId>:<type>:<createdAtMs as sent>}. Two different reviews of one applicant (GREEN, later RED)
 * have different {@code createdAtMs} and are two events; order them by {@code occurredAt}
 * (payments.md §1.6, §7 #15).
 *
 * <p>vendorStatus: {@code GREEN}, {@code RED/RETRY}, {@code RED/FINAL} for reviews, else {@code reviewStatus}.
 * Attributes: {@code externalUserId}, {@code reviewStatus}, {@code reviewAnswer}, {@code reviewRejectType},
 * {@code rejectLabels} (comma-separated), {@code sandboxMode}. Moderation / client comments are not copied
 * (they may hold personal data; they stay in the raw body).
 */
public final class SumsubMapper {
    private SumsubMapper() {
    }

    public static VerifiedWebhook map(SumsubMessages.Event e, byte[] rawBody) {
        KycStatus status = SumsubStatusTable.statusFor(e.type(), e.reviewAnswer(), e.reviewRejectType());
        String vendorStatus = e.reviewAnswer()
                .map(a -> e.reviewRejectType().map(t -> a + "/" + t).orElse(a))
                .orElse(e.reviewStatus().orElse(""));
        Map<String, String> attributes = new LinkedHashMap<>();
        e.externalUserId().ifPresent(v -> attributes.put("externalUserId", v));
        e.reviewStatus().ifPresent(v -> attributes.put("reviewStatus", v));
        e.reviewAnswer().ifPresent(v -> attributes.put("reviewAnswer", v));
        e.reviewRejectType().ifPresent(v -> attributes.put("reviewRejectType", v));
        if (!e.rejectLabels().isEmpty()) attributes.put("rejectLabels", String.join(",", e.rejectLabels()));
        attributes.put("sandboxMode", Boolean.toString(e.sandboxMode()));
        String eventId = e.applicantId() + ":" + e.type() + ":" + e.createdText();
        return new VerifiedWebhook("sumsub", eventId, e.type(), WebhookSubject.APPLICANT, status, vendorStatus,
                Optional.of(e.applicantId()), Optional.empty(), e.createdAt(), attributes, rawBody);
    }
}
