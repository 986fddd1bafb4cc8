package io.hub.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.HubIntegrationTest;
import io.hub.app.TightRateLimits;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The per-username login limit ({@code hub.rate-limits.login-per-user-per-minute=3}): attempts past the limit get
 * 429 RATE_LIMITED whether the password is right or wrong, counted case-insensitively; other users are unaffected.
 */
@TightRateLimits
class LoginRateLimitTest extends HubIntegrationTest {

    private HttpResponse<String> attempt(String username, String password) {
        return post("/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null);
    }

    private static void assertRateLimited(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        JsonNode body = json(r.body());
        assertThat(body.get("error").asText()).isEqualTo("RATE_LIMITED");
        assertThat(body.has("accessToken")).isFalse();
    }

    @Test
    void loginsPastThePerUserLimitGet429EvenWithTheRightPassword() {
        TestPlayer p = newPlayer("EUR", "0");
        for (int i = 0; i < TightRateLimits.LOGINS_PER_MINUTE; i++) {
            assertThat(attempt(p.username(), p.password()).statusCode()).isEqualTo(200);
        }
        assertRateLimited(attempt(p.username(), p.password()));
        assertRateLimited(attempt(p.username(), "wrong"));
        assertRateLimited(attempt(p.username().toUpperCase(), p.password()));

        // another user is not affected
        TestPlayer other = newPlayer("EUR", "0");
        assertThat(attempt(other.username(), other.password()).statusCode()).isEqualTo(200);
    }

    @Test
    void failedAttemptsCountTowardsTheLimit() {
        TestPlayer p = newPlayer("EUR", "0");
        for (int i = 0; i < TightRateLimits.LOGINS_PER_MINUTE; i++) {
            HttpResponse<String> r = attempt(p.username(), "guess-" + i);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        }
        assertRateLimited(attempt(p.username(), p.password()));
    }
}
