package io.hub.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.HubIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A 400 says what to fix: the parameter or JSON field, never only "the request could not be read". */
class BadRequestMessagesTest extends HubIntegrationTest {

    private JsonNode bad(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode j = json(r.body());
        assertThat(j.get("error").asText()).isEqualTo("INVALID_MESSAGE");
        return j;
    }

    @Test
    void a_path_parameter_that_is_not_a_uuid_is_named() {
        JsonNode j = bad(post("/operator/withdrawals/not-a-uuid/approve", "", operatorToken()));
        assertThat(j.get("message").asText()).isEqualTo("parameter 'id' is not a valid UUID");
    }

    @Test
    void a_duplicate_member_name_is_named() {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        JsonNode j = bad(post("/payments/deposits", "{\"amount\":\"1.00\",\"amount\":\"2.00\",\"currency\":\"EUR\"}", token));
        assertThat(j.get("message").asText()).isEqualTo("duplicate member \"amount\"");
    }

    @Test
    void a_field_of_the_wrong_shape_is_named_by_its_path() {
        JsonNode j = bad(post("/operator/providers", "{\"id\":\"shape-test\",\"protocol\":\"PRAGMATIC\",\"displayName\":\"x\","
                + "\"currencies\":[{\"not\":\"a string\"}]}", operatorToken()));
        assertThat(j.get("message").asText()).startsWith("field 'currencies[0]': ");
    }

    @Test
    void a_body_that_is_not_json_says_so() {
        TestPlayer p = newPlayer("EUR", "0");
        String token = login(p.username(), p.password()).accessToken();
        JsonNode j = bad(post("/payments/deposits", "{\"amount\":", token));
        assertThat(j.get("message").asText()).isEqualTo("the request body is not valid JSON for this endpoint");
    }
}
