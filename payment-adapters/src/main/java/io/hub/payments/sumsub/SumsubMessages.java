package io.hub.payments.sumsub;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.payments.MalformedWebhookException;
import io.hub.payments.WebhookJson;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields of a Sumsub user-verification webhook the hub reads (docs.sumsub.com/docs/user-verification-webhooks,
 * docs.sumsub.com/docs/receive-and-interpret-results-via-api), parsed only after the digest matched.
 *
 * <pre>
 * {"applicantId":"5cb56e8e0a975a35f333cb83","inspectionId":"…","correlationId":"req-…",
 *  "externalUserId":"player-42","levelName":"basic-kyc-level","type":"applicantReviewed",
 *  "sandboxMode":false,"reviewStatus":"completed","createdAtMs":"2020-02-21 13:23:19.321",
 *  "reviewResult":{"reviewAnswer":"RED","reviewRejectType":"RETRY","rejectLabels":["DOCUMENT_PAGE_MISSING"],
 *                  "moderationComment":"…","clientComment":"…"}}
 * </pre>
 * {@code createdAtMs} is UTC {@code yyyy-MM-dd HH:mm:ss.SSS}; ISO-8601 and epoch milliseconds are accepted too;
 * {@code createdAt} is the fallback.
 */
public final class SumsubMessages {
    private static final DateTimeFormatter SUMSUB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS][.SS][.S]");

    private SumsubMessages() {
    }

    /**
     * @param applicantId      Sumsub applicant id (the reference)
     * @param type             webhook type, e.g. {@code applicantReviewed}
     * @param createdText      the {@code createdAtMs} (or {@code createdAt}) text as sent, part of the event id
     * @param createdAt        it, parsed
     * @param externalUserId   the hub's player id given to Sumsub, if any
     * @param reviewStatus     e.g. {@code completed}, {@code pending}, {@code onHold}
     * @param reviewAnswer     {@code GREEN} / {@code RED}, if the event has a review result
     * @param reviewRejectType {@code RETRY} / {@code FINAL}, if sent
     * @param rejectLabels     rejection labels, if any
     * @param sandboxMode      true for sandbox events
     */
    public record Event(String applicantId, String type, String createdText, Instant createdAt,
                        Optional<String> externalUserId, Optional<String> reviewStatus,
                        Optional<String> reviewAnswer, Optional<String> reviewRejectType, List<String> rejectLabels,
                        boolean sandboxMode) {
    }

    public static Event parse(byte[] rawBody) {
        JsonNode root = WebhookJson.readObject(rawBody);
        String applicantId = WebhookJson.text(root, "applicantId");
        String type = WebhookJson.text(root, "type");
        String created = createdText(root);
        Optional<JsonNode> review = WebhookJson.optObject(root, "reviewResult");
        List<String> labels = new ArrayList<>();
        review.map(r -> r.get("rejectLabels")).filter(JsonNode::isArray)
                .ifPresent(a -> a.forEach(l -> { if (l.isTextual()) labels.add(l.asText()); }));
        JsonNode sandbox = root.get("sandboxMode");
        return new Event(applicantId, type, created, instant(created),
                WebhookJson.optText(root, "externalUserId"),
                WebhookJson.optText(root, "reviewStatus"),
                review.flatMap(r -> WebhookJson.optText(r, "reviewAnswer")),
                review.flatMap(r -> WebhookJson.optText(r, "reviewRejectType")),
                List.copyOf(labels),
                sandbox != null && sandbox.isBoolean() && sandbox.booleanValue());
    }

    private static String createdText(JsonNode root) {
        for (String field : List.of("createdAtMs", "createdAt")) {
            JsonNode v = root.get(field);
            if (v == null || v.isNull()) continue;
            if (v.isTextual() && !v.asText().isEmpty()) return v.asText();
            if (v.isIntegralNumber() && v.canConvertToLong()) return Long.toString(v.longValue());
            throw MalformedWebhookException.body(field + " is neither text nor an integer");
        }
        throw MalformedWebhookException.body("missing createdAtMs / createdAt");
    }

    static Instant instant(String text) {
        if (text.chars().allMatch(Character::isDigit) && text.length() <= 15) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return LocalDateTime.parse(text, SUMSUB_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next format
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // next format
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssZ")).toInstant();
        } catch (DateTimeParseException e) {
            throw MalformedWebhookException.body("unreadable creation time");
        }
    }
}
