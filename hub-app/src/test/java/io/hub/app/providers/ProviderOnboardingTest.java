package io.hub.app.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.providers.ProviderPolicy;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The operator onboarding API: register, read, update, enable/disable, audit, write-only secrets, clear 400s. */
@ExtendWith(OutputCaptureExtension.class)
class ProviderOnboardingTest extends ProviderTestSupport {

    private String pragmaticBody(String id, String secret, String extra) {
        return "{\"id\":\"" + id + "\",\"protocol\":\"PRAGMATIC\",\"displayName\":\"Studio " + id + "\","
                + "\"launchBaseUrl\":\"https://launch.example.com/pp\",\"catalogueBaseUrl\":\"https://games.example.com\","
                + "\"credentials\":{\"secret\":\"" + secret + "\"},\"currencies\":[\"EUR\",\"USD\"]" + extra + "}";
    }

    @Test
    void registers_a_provider_with_policy_overrides_and_settings_and_never_returns_or_logs_its_secret(CapturedOutput output) {
        String id = newId("onb");
        String secret = "Sup3r-Secret-" + id;
        HttpResponse<String> r = operatorPost("/operator/providers", pragmaticBody(id, secret,
                ",\"policy\":{\"replay\":\"ORIGINAL_RESPONSE\",\"partialRollbacks\":true},"
                        + "\"settings\":{\"catalogueSyncPeriod\":\"PT10M\",\"breakerMinCalls\":4}"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).doesNotContain(secret);
        JsonNode p = json(r.body());
        assertThat(p.get("id").asText()).isEqualTo(id);
        assertThat(p.get("protocol").asText()).isEqualTo("PRAGMATIC");
        assertThat(p.get("enabled").asBoolean()).isTrue();
        assertThat(p.get("version").asLong()).isEqualTo(1);
        assertThat(p.get("credentials").toString()).isEqualTo("[\"secret\"]");
        assertThat(p.at("/policy/replay").asText()).isEqualTo("ORIGINAL_RESPONSE");
        assertThat(p.at("/policy/partialRollbacks").asBoolean()).isTrue();
        // the other fields keep the protocol's defaults
        assertThat(p.at("/policy/unknownRollback").asText()).isEqualTo(ProviderPolicy.pragmaticDefaults().unknownRollback().name());
        assertThat(p.at("/settings/catalogueSyncPeriod").asText()).isEqualTo("PT10M");
        assertThat(p.at("/settings/breakerMinCalls").asInt()).isEqualTo(4);
        assertThat(p.at("/health/breaker").asText()).isEqualTo("CLOSED");
        assertThat(p.at("/health/available").asBoolean()).isTrue();

        // stored for the wallet (engineer A reads it), never shown
        ProviderConfig stored = registry.find(id).orElseThrow();
        assertThat(stored.credentials().secret()).isEqualTo(secret);
        assertThat(stored.policy().partialRollbacks()).isTrue();

        HttpResponse<String> one = get("/operator/providers/" + id, operatorToken());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).doesNotContain(secret).contains("\"id\":\"" + id + "\"");
        HttpResponse<String> all = get("/operator/providers", operatorToken());
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).doesNotContain(secret).contains("\"id\":\"" + id + "\"");

        List<Map<String, Object>> audit = jdbc.queryForList(
                "SELECT actor, action, detail::text AS detail, created_at FROM audit_log WHERE target = ? ORDER BY id", "provider:" + id);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("actor", "operator").containsEntry("action", "PROVIDER_REGISTERED");
        assertThat(audit.get(0).get("created_at")).isNotNull();
        JsonNode detail = json((String) audit.get(0).get("detail"));
        assertThat(detail.get("before").isNull()).isTrue();
        assertThat(detail.at("/after/displayName").asText()).isEqualTo("Studio " + id);
        assertThat(detail.at("/after/credentials").toString()).isEqualTo("[\"secret\"]");
        assertThat(detail.toString()).doesNotContain(secret);

        assertThat(output.getAll()).contains("provider " + id + " registered").doesNotContain(secret);
    }

    @Test
    void updates_with_the_current_version_only_and_audits_before_and_after(CapturedOutput output) {
        String id = newId("upd");
        assertThat(operatorPost("/operator/providers", pragmaticBody(id, "first-secret-1", "")).statusCode()).isEqualTo(201);

        HttpResponse<String> r = patch("/operator/providers/" + id,
                "{\"version\":1,\"displayName\":\"Renamed\",\"credentials\":{\"secret\":\"second-secret-2\"},"
                        + "\"settings\":{\"catalogueMinInterval\":\"PT2M\"}}", operatorToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode p = json(r.body());
        assertThat(p.get("version").asLong()).isEqualTo(2);
        assertThat(p.get("displayName").asText()).isEqualTo("Renamed");
        assertThat(p.at("/settings/catalogueMinInterval").asText()).isEqualTo("PT2M");
        assertThat(r.body()).doesNotContain("second-secret-2").doesNotContain("first-secret-1");
        assertThat(registry.find(id).orElseThrow().credentials().secret()).isEqualTo("second-secret-2");

        HttpResponse<String> stale = patch("/operator/providers/" + id, "{\"version\":1,\"displayName\":\"Lost update\"}", operatorToken());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale.body()).get("error").asText()).isEqualTo("VERSION_CONFLICT");
        assertThat(registry.find(id).orElseThrow().displayName()).isEqualTo("Renamed");

        HttpResponse<String> noVersion = patch("/operator/providers/" + id, "{\"displayName\":\"x\"}", operatorToken());
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(json(noVersion.body()).get("error").asText()).isEqualTo("MISSING_FIELD");

        HttpResponse<String> protocol = patch("/operator/providers/" + id, "{\"version\":2,\"protocol\":\"HUB88\"}", operatorToken());
        assertThat(protocol.statusCode()).isEqualTo(400);

        JsonNode detail = json(jdbc.queryForObject("SELECT detail::text FROM audit_log WHERE target = ? AND action = 'PROVIDER_UPDATED'",
                String.class, "provider:" + id));
        assertThat(detail.at("/before/displayName").asText()).isEqualTo("Studio " + id);
        assertThat(detail.at("/after/displayName").asText()).isEqualTo("Renamed");
        assertThat(detail.at("/before/version").asLong()).isEqualTo(1);
        assertThat(detail.at("/after/version").asLong()).isEqualTo(2);
        assertThat(detail.at("/after/credentialsChanged").toString()).as("a rotation shows by name").isEqualTo("[\"secret\"]");
        assertThat(detail.toString()).doesNotContain("second-secret-2").doesNotContain("first-secret-1");
        assertThat(output.getAll()).contains("provider " + id + " updated").doesNotContain("second-secret-2").doesNotContain("first-secret-1");
    }

    @Test
    void enables_and_disables_a_provider_with_an_audit_row_each() {
        String id = newId("tog");
        assertThat(operatorPost("/operator/providers", pragmaticBody(id, "toggle-secret", "")).statusCode()).isEqualTo(201);

        HttpResponse<String> off = operatorPost("/operator/providers/" + id + "/disable", "");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(json(off.body()).get("enabled").asBoolean()).isFalse();
        assertThat(json(off.body()).at("/health/available").asBoolean()).isFalse();
        assertThat(registry.find(id).orElseThrow().enabled()).isFalse();
        HttpResponse<String> on = operatorPost("/operator/providers/" + id + "/enable", "");
        assertThat(json(on.body()).get("enabled").asBoolean()).isTrue();
        assertThat(json(on.body()).get("version").asLong()).isEqualTo(3);

        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target = ? ORDER BY id", String.class, "provider:" + id))
                .containsExactly("PROVIDER_REGISTERED", "PROVIDER_DISABLED", "PROVIDER_ENABLED");
        HttpResponse<String> unknown = operatorPost("/operator/providers/no-such-provider/disable", "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown.body()).get("error").asText()).isEqualTo("UNKNOWN_PROVIDER");
    }

    @Test
    void bad_input_gets_a_clear_400_naming_the_problem_and_changes_nothing() {
        String id = newId("bad");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"protocol\":\"PRAGMATIC\"}", "MISSING_FIELD");
        cases.put(pragmaticBody("Bad_Id", "secret-123", ""), "INVALID_MESSAGE");
        cases.put(pragmaticBody(id, "secret-123", "").replace("PRAGMATIC", "SOAP"), "INVALID_MESSAGE");
        cases.put(pragmaticBody(id, "secret-123", "").replace("https://launch.example.com/pp", "ftp://launch.example.com"), "INVALID_MESSAGE");
        cases.put(pragmaticBody(id, "secret-123", "").replace("https://launch.example.com/pp", "https://user:pw@launch.example.com"), "INVALID_MESSAGE");
        cases.put(pragmaticBody(id, "secret-123", "").replace("\"USD\"", "\"EURO\""), "CURRENCY_MISMATCH");
        cases.put(pragmaticBody(id, "secret-123", "").replace("[\"EUR\",\"USD\"]", "[]"), "MISSING_FIELD");
        cases.put(pragmaticBody(id, "secret-123", "").replace("[\"EUR\",\"USD\"]", "\"EUR\""), "INVALID_MESSAGE");
        cases.put(pragmaticBody(id, "secret-123", "").replace("{\"secret\":\"secret-123\"}", "{}"), "MISSING_FIELD");
        cases.put(pragmaticBody(id, "short", ""), "INVALID_MESSAGE");
        cases.put(pragmaticBody(id, "secret-123", "").replace("PRAGMATIC", "HUB88")
                .replace("{\"secret\":\"secret-123\"}", "{\"publicKeyPem\":\"-----BEGIN PUBLIC KEY-----\\nnot a key\\n-----END PUBLIC KEY-----\"}"), "INVALID_MESSAGE");
        cases.put(pragmaticBody(id, "secret-123", ",\"settings\":{\"catalogSyncPeriod\":\"PT1M\"}"), "INVALID_MESSAGE");
        cases.put(pragmaticBody(id, "secret-123", ",\"settings\":{\"catalogueSyncPeriod\":300}"), "INVALID_MESSAGE");
        cases.put(pragmaticBody(id, "secret-123", ",\"settings\":{\"catalogueSyncPeriod\":\"PT0.1S\"}"), "INVALID_MESSAGE");
        cases.put(pragmaticBody(id, "secret-123", ",\"settings\":{\"breakerMinCalls\":\"5\"}"), "INVALID_MESSAGE");
        cases.put(pragmaticBody(id, "secret-123", ",\"policy\":{\"replays\":\"ORIGINAL_RESPONSE\"}"), "INVALID_MESSAGE");
        cases.put(pragmaticBody(id, "secret-123", ",\"policy\":{\"replay\":\"SOMETIMES\"}"), "INVALID_MESSAGE");
        cases.put(pragmaticBody(id, "secret-123", ",\"policy\":{\"partialRollbacks\":\"yes\"}"), "INVALID_MESSAGE");
        cases.put("{not json", "INVALID_MESSAGE");
        cases.put("[]", "INVALID_MESSAGE");

        cases.forEach((body, code) -> {
            HttpResponse<String> r = operatorPost("/operator/providers", body);
            assertThat(r.statusCode()).as(body + " → " + r.body()).isEqualTo(400);
            JsonNode err = json(r.body());
            assertThat(err.get("error").asText()).as(body).isEqualTo(code);
            assertThat(err.get("message").asText()).as(body).isNotBlank();
        });
        assertThat(registry.find(id)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE target = ?", Long.class, "provider:" + id)).isZero();

        assertThat(operatorPost("/operator/providers", pragmaticBody(id, "secret-123", "")).statusCode()).isEqualTo(201);
        HttpResponse<String> again = operatorPost("/operator/providers", pragmaticBody(id, "secret-456", ""));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again.body()).get("error").asText()).isEqualTo("CONFLICT");
        assertThat(registry.find(id).orElseThrow().credentials().secret()).isEqualTo("secret-123");

        HttpResponse<String> missing = get("/operator/providers/no-such-provider", operatorToken());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing.body()).get("error").asText()).isEqualTo("UNKNOWN_PROVIDER");
    }

    @Test
    void players_cannot_use_the_onboarding_api() {
        TestPlayer player = newPlayer("EUR", "0");
        String token = login(player.username(), player.password()).accessToken();
        assertThat(get("/operator/providers", token).statusCode()).isEqualTo(403);
        assertThat(post("/operator/providers", pragmaticBody(newId("nope"), "secret-123", ""), token,
                "Idempotency-Key", "k-" + player.id()).statusCode()).isEqualTo(403);
    }

    @Test
    void a_studio_url_pointing_at_the_cloud_metadata_service_is_refused_and_nothing_is_registered() {
        String id = newId("ssrf");
        String body = pragmaticBody(id, "s", "").replace("https://games.example.com", "http://169.254.169.254/latest");
        HttpResponse<String> r = operatorPost("/operator/providers", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r.body()).get("message").asText()).isEqualTo("catalogueBaseUrl may not point at a link-local address (cloud metadata)");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider WHERE id = ?", Long.class, id)).isZero();
    }
}
