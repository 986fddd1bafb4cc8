package io.hub.app.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Operator actions on payments into the hub's {@code audit_log} (V2), in the same shape as the provider admin's
 * ({@code io.hub.app.providers.admin.AuditLog}): {@code actor} (the operator's username), {@code action}
 * (WEBHOOK_RETRIED, WITHDRAWAL_APPROVED, WITHDRAWAL_REJECTED), {@code target} ({@code webhook:<inbox id>},
 * {@code withdrawal:<id>}), {@code detail} {@code {"before":…,"after":…}} built from views without raw bodies or secrets.
 * Call inside the change's transaction so both commit together. (Its own writer: the payments module does not depend on
 * the providers module, and the table is the shared record.)
 */
@Component
public class PaymentsAudit {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public PaymentsAudit(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(String actor, String action, String target, Object before, Object after) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("before", before);
        detail.put("after", after);
        try {
            jdbc.update("INSERT INTO audit_log (actor, action, target, detail) VALUES (?, ?, ?, ?::jsonb)",
                    actor, action, target, json.writeValueAsString(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ordered map of name/value pairs that may hold nulls (Map.of may not). */
    static Map<String, Object> fields(Object... nameValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) m.put((String) nameValue[i], nameValue[i + 1]);
        return m;
    }
}
