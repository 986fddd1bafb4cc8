package io.hub.app.providers.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes operator actions on providers to {@code audit_log} (V2): {@code actor} (the operator's username), {@code action}
 * (e.g. PROVIDER_REGISTERED), {@code target} ({@code provider:<id>} or {@code provider-game:<id>:<game>}), {@code detail}
 * {@code {"before":…,"after":…}} built from views that carry credential <i>names</i> only, never their values;
 * {@code created_at} is set by the database. Call inside the change's transaction so both commit together.
 */
@Component
public class AuditLog {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public AuditLog(JdbcTemplate jdbc, ObjectMapper json) {
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
}
