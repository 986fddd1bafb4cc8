package io.hub.payments.sumsub;

import io.hub.contracts.payments.KycStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.hub.contracts.payments.KycStatus.*;

/**
 * Sumsub webhook type (+ review result for {@code applicantReviewed}) → canonical {@link KycStatus}.
 * Sources: docs.sumsub.com/docs/user-verification-webhooks (types), .../receive-and-interpret-results-via-api
 * (GREEN / RED, RETRY / FINAL), payments.md §5.3.
 *
 * <table>
 * <caption>Mapping</caption>
 * <tr><th>type</th><th>status</th></tr>
 * <tr><td>applicantCreated, applicantReset</td><td>NOT_STARTED</td></tr>
 * <tr><td>applicantPending, applicantPrechecked</td><td>PENDING</td></tr>
 * <tr><td>applicantOnHold</td><td>IN_REVIEW</td></tr>
 * <tr><td>applicantReviewed GREEN</td><td>APPROVED</td></tr>
 * <tr><td>applicantReviewed RED + RETRY</td><td>RETRY_REQUIRED</td></tr>
 * <tr><td>applicantReviewed RED + FINAL</td><td>REJECTED</td></tr>
 * <tr><td>applicantReviewed with no / another answer or reject type</td><td>IN_REVIEW (a person must look;
 *     never silently approved)</td></tr>
 * <tr><td>applicantPersonalInfoChanged, applicantTagsChanged, applicantActivated, applicantDeactivated,
 *     applicantDeleted, applicantLevelChanged, applicantAction* and any unknown type</td><td>IGNORED</td></tr>
 * </table>
 */
public final class SumsubStatusTable {
    /** The review-dependent type. */
    public static final String REVIEWED = "applicantReviewed";

    private static final Map<String, KycStatus> FIXED;

    static {
        Map<String, KycStatus> m = new LinkedHashMap<>();
        m.put("applicantCreated", NOT_STARTED);
        m.put("applicantReset", NOT_STARTED);
        m.put("applicantPending", PENDING);
        m.put("applicantPrechecked", PENDING);
        m.put("applicantOnHold", IN_REVIEW);
        m.put("applicantPersonalInfoChanged", IGNORED);
        m.put("applicantTagsChanged", IGNORED);
        m.put("applicantActivated", IGNORED);
        m.put("applicantDeactivated", IGNORED);
        m.put("applicantDeleted", IGNORED);
        m.put("applicantLevelChanged", IGNORED);
        FIXED = Map.copyOf(m);
    }

    private SumsubStatusTable() {
    }

    /**
     * The canonical status.
     *
     * @param type         webhook type
     * @param reviewAnswer {@code reviewResult.reviewAnswer}, used for {@code applicantReviewed} only
     * @param rejectType   {@code reviewResult.reviewRejectType}, used for RED only
     */
    public static KycStatus statusFor(String type, Optional<String> reviewAnswer, Optional<String> rejectType) {
        if (REVIEWED.equals(type)) {
            String answer = reviewAnswer.orElse("");
            if (answer.equals("GREEN")) return APPROVED;
            if (answer.equals("RED")) {
                return switch (rejectType.orElse("")) {
                    case "RETRY" -> RETRY_REQUIRED;
                    case "FINAL" -> REJECTED;
                    default -> IN_REVIEW;
                };
            }
            return IN_REVIEW;
        }
        return FIXED.getOrDefault(type, IGNORED);
    }

    /** Types listed explicitly (plus {@link #REVIEWED}). */
    public static Set<String> supportedEventTypes() {
        Set<String> all = new java.util.LinkedHashSet<>(FIXED.keySet());
        all.add(REVIEWED);
        return Set.copyOf(all);
    }
}
