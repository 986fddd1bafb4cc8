package io.hub.app.payments;

import io.hub.app.web.AuditLog;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Operator actions on payments into the hub's audit trail ({@link AuditLog}): actions WEBHOOK_RETRIED,
 * WITHDRAWAL_APPROVED, WITHDRAWAL_REJECTED; targets {@code webhook:<inbox id>}, {@code withdrawal:<id>}; before/after
 * views without raw bodies or secrets. Call inside the change's transaction so both commit together.
 */
@Component
public class PaymentsAudit {
    private final AuditLog audit;

    public PaymentsAudit(AuditLog audit) {
        this.audit = audit;
    }

    public void record(String actor, String action, String target, Object before, Object after) {
        audit.record(actor, action, target, before, after);
    }

    /** An ordered map of name/value pairs that may hold nulls (Map.of may not). */
    static Map<String, Object> fields(Object... nameValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) m.put((String) nameValue[i], nameValue[i + 1]);
        return m;
    }
}
