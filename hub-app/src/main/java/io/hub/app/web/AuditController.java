package io.hub.app.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /operator/audit} (operator role, like all of {@code /operator/**}): the audit trail, newest first.
 * Query: {@code actor}, {@code action}, {@code target} (exact matches, optional), {@code before} (an id: older rows),
 * {@code limit} (1–500, default 50). Answer: {@code {"items":[{"id","actor","action","target","detail","createdAt"}],
 * "next": <id for the next page, or null>}}.
 */
@RestController
public class AuditController {
    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/operator/audit")
    public Map<String, Object> audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                     @RequestParam(required = false) String target, @RequestParam(required = false) Long before,
                                     @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) throw new IllegalArgumentException("limit must be 1-500");
        List<Map<String, Object>> items = audit.recent(actor, action, target, before, limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("next", items.size() == limit ? items.get(items.size() - 1).get("id") : null);
        return out;
    }
}
