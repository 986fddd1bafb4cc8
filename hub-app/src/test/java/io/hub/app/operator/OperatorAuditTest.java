package io.hub.app.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.HubIntegrationTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Operator actions on players land in the audit trail, readable at GET /operator/audit, without passwords. */
class OperatorAuditTest extends HubIntegrationTest {

    @Test
    void creating_and_crediting_a_player_are_audited_with_the_operator_and_no_password() {
        String name = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = post("/operator/players", "{\"username\":\"" + name + "\",\"password\":\"s3cret-pw-" + name
                + "\",\"currency\":\"EUR\"}", operatorToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created.body()).get("playerId").asText();
        HttpResponse<String> credit = post("/operator/players/" + id + "/adjustments",
                "{\"direction\":\"CREDIT\",\"amount\":\"7.00\",\"reason\":\"goodwill\"}", operatorToken());
        assertThat(credit.statusCode()).as(credit.body()).isEqualTo(201);

        HttpResponse<String> r = get("/operator/audit?target=player:" + id, operatorToken());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("s3cret-pw-");
        JsonNode items = json(r.body()).get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("action").asText()).isEqualTo("ADJUSTMENT");
        assertThat(items.get(0).get("detail").get("after").get("balance").asText()).isEqualTo("7.00");
        assertThat(items.get(1).get("action").asText()).isEqualTo("PLAYER_CREATED");
        assertThat(items.get(1).get("actor").asText()).isEqualTo("operator");
        assertThat(items.get(1).get("detail").get("after").get("username").asText()).isEqualTo(name);
        assertThat(items.get(1).get("detail").get("after").has("password")).isFalse();

        // paging backwards from the newest row
        JsonNode page = json(get("/operator/audit?target=player:" + id + "&limit=1", operatorToken()).body());
        assertThat(page.get("items")).hasSize(1);
        JsonNode older = json(get("/operator/audit?target=player:" + id + "&limit=1&before=" + page.get("next").asLong(), operatorToken()).body());
        assertThat(older.get("items").get(0).get("action").asText()).isEqualTo("PLAYER_CREATED");

        TestPlayer p = newPlayer("EUR", "0");
        assertThat(get("/operator/audit", login(p.username(), p.password()).accessToken()).statusCode()).isEqualTo(403);
        assertThat(get("/operator/audit?limit=0", operatorToken()).statusCode()).isEqualTo(400);
    }
}
