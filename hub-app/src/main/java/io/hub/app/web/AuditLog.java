package io.hub.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hub's one audit trail, table {@code audit_log} (V2), written by every module that acts for an operator (provider
 * onboarding, player creation and adjustments, withdrawal decisions, webhook retries) and read by
 * {@code GET /operator/audit} ({@link AuditController}).
 *
 * <p>A row: {@code actor} (the operator's username, or a system actor such as {@code demo-data} or
 * {@code round-sweeper}), {@code action} (e.g. {@code PROVIDER_REGISTERED}, {@code PLAYER_CREATED},
 * {@code WITHDRAWAL_APPROVED}), {@code target} ({@code provider:<id>}, {@code player:<id>}, {@code withdrawal:<id>} …),
 * {@code detail} {@code {"before":…,"after":…}} built by the caller from views that carry no secret values (credential
 * <i>names</i> only, no passwords, no raw webhook bodies), {@code created_at} set by the database. Call inside the
 * change's transaction so both commit together.
 */
@Component
public class AuditLog {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public AuditLog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records one action; {@code before} / {@code after} are serialised as JSON (null for none). */
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

    /**
     * The newest rows first, filtered by exact actor, action and target when given; {@code beforeId} pages backwards
     * (rows with a smaller id). Each item: {@code id}, {@code actor}, {@code action}, {@code target}, {@code detail} (JSON),
     * {@code createdAt} (ISO-8601 UTC).
     */
    public List<Map<String, Object>> recent(String actor, String action, String target, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, actor, action, target, detail::text, created_at FROM audit_log WHERE true");
        List<Object> args = new ArrayList<>();
        if (actor != null) { sql.append(" AND actor = ?"); args.add(actor); }
        if (action != null) { sql.append(" AND action = ?"); args.add(action); }
        if (target != null) { sql.append(" AND target = ?"); args.add(target); }
        if (beforeId != null) { sql.append(" AND id < ?"); args.add(beforeId); }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", rs.getLong(1));
            m.put("actor", rs.getString(2));
            m.put("action", rs.getString(3));
            m.put("target", rs.getString(4));
            try {
                m.put("detail", rs.getString(5) == null ? null : json.readValue(rs.getString(5), Object.class));
            } catch (JsonProcessingException e) {
                m.put("detail", rs.getString(5));
            }
            Timestamp at = rs.getTimestamp(6);
            m.put("createdAt", at.toInstant().toString());
            return m;
        }, args.toArray());
    }
}
