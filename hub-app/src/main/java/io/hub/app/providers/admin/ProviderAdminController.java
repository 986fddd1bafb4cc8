package io.hub.app.providers.admin;

import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.ProviderRegistry;
import io.hub.app.providers.catalogue.CatalogueSync;
import io.hub.app.providers.catalogue.ProviderGames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator onboarding of external providers (operator JWT; {@code /operator/**}). Secrets are write-only: answers
 * list only which credentials are set ({@code "credentials":["secret"]}). Every change is written to {@code audit_log}.
 * <ul>
 *   <li>{@code POST /operator/providers} {@code {"id","protocol":"HUB88|PRAGMATIC|EVOLUTION","displayName","launchBaseUrl",
 *       "catalogueBaseUrl","credentials":{"publicKeyPem"|"secret"|"apiToken"},"currencies":["EUR"],"policy":{overrides},
 *       "settings":{…},"enabled"?}} → 201 provider; 409 CONFLICT when the id is taken</li>
 *   <li>{@code GET /operator/providers} → providers with {@code health}; {@code GET /operator/providers/{id}} → one</li>
 *   <li>{@code PATCH /operator/providers/{id}} {@code {"version", …fields to change}} → 200; 409 VERSION_CONFLICT when
 *       {@code version} is not the stored one</li>
 *   <li>{@code POST /operator/providers/{id}/enable} | {@code /disable} → 200 provider</li>
 *   <li>{@code GET /operator/providers/{id}/games} → the synced games (enabled or not, listed or delisted:
 *       {@code delistedAt})</li>
 *   <li>{@code POST /operator/providers/{id}/games/{gameId}/enable} | {@code /disable} → 200 game; 404 UNKNOWN_GAME</li>
 *   <li>{@code POST /operator/providers/{id}/sync} → 200 {@code {"status":"OK","games","skippedEntries","delisted",
 *       "relisted"}} (games the answer no longer / again held; see {@link CatalogueSync}); 429
 *       RATE_LIMITED + {@code Retry-After} inside the provider's {@code catalogueMinInterval}; 502/503/504 when the
 *       provider failed (recorded in health)</li>
 *   <li>{@code GET /operator/providers/{id}/health} → {@code {"available","breaker","catalogue":{…}}}</li>
 * </ul>
 * Errors: 400 MISSING_FIELD / INVALID_MESSAGE / CURRENCY_MISMATCH naming the field, 404 UNKNOWN_PROVIDER.
 */
@RestController
@RequestMapping(path = "/operator/providers", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProviderAdminController {
    private final ProviderAdminService admin;
    private final ProviderRegistry registry;
    private final ProviderGames games;

    public ProviderAdminController(ProviderAdminService admin, ProviderRegistry registry, ProviderGames games) {
        this.admin = admin;
        this.registry = registry;
        this.games = games;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> register(@AuthenticationPrincipal Jwt jwt,
                                                        @RequestBody(required = false) ProviderAdminService.ProviderInput body) {
        ProviderConfig p = admin.register(actor(jwt), body);
        return ResponseEntity.status(HttpStatus.CREATED).body(admin.viewWithHealth(p));
    }

    @GetMapping
    public List<Map<String, Object>> list() {
        return registry.list().stream().map(admin::viewWithHealth).toList();
    }

    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable String id) {
        return admin.viewWithHealth(admin.current(id));
    }

    @PatchMapping("/{id}")
    public Map<String, Object> update(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                      @RequestBody(required = false) ProviderAdminService.ProviderInput body) {
        return admin.viewWithHealth(admin.update(actor(jwt), id, body));
    }

    @PostMapping("/{id}/enable")
    public Map<String, Object> enable(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return admin.viewWithHealth(admin.setEnabled(actor(jwt), id, true));
    }

    @PostMapping("/{id}/disable")
    public Map<String, Object> disable(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return admin.viewWithHealth(admin.setEnabled(actor(jwt), id, false));
    }

    @GetMapping("/{id}/games")
    public List<Map<String, Object>> games(@PathVariable String id) {
        admin.get(id);
        return games.list(id).stream().map(ProviderAdminService::gameView).toList();
    }

    @PostMapping("/{id}/games/{gameId}/enable")
    public Map<String, Object> enableGame(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String gameId) {
        return ProviderAdminService.gameView(admin.setGameEnabled(actor(jwt), id, gameId, true));
    }

    @PostMapping("/{id}/games/{gameId}/disable")
    public Map<String, Object> disableGame(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String gameId) {
        return ProviderAdminService.gameView(admin.setGameEnabled(actor(jwt), id, gameId, false));
    }

    @PostMapping("/{id}/sync")
    public Map<String, Object> sync(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        CatalogueSync.SyncResult r = admin.sync(actor(jwt), id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status());
        m.put("games", r.games());
        m.put("skippedEntries", r.skipped());
        m.put("delisted", r.delisted());
        m.put("relisted", r.relisted());
        return m;
    }

    @GetMapping("/{id}/health")
    public Map<String, Object> health(@PathVariable String id) {
        return admin.health(admin.get(id));
    }

    private static String actor(Jwt jwt) {
        return io.hub.app.auth.CurrentUser.actorName(jwt);
    }
}
