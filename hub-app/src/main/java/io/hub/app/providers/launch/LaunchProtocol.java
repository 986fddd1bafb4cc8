package io.hub.app.providers.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.ProviderSession;
import io.hub.app.providers.outbound.ProviderCallException;
import io.hub.app.providers.outbound.ProviderHashes;
import io.hub.app.providers.outbound.ProviderSettings;
import io.hub.contracts.providers.OutboundCall;
import io.hub.contracts.providers.OutboundReply;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The game-launch request of each protocol and how its answer carries the game URL (providers.md §1 rows 3–4, §4):
 * <ul>
 *   <li>HUB88: {@code POST {launchBaseUrl}/operator/generic/v2/game/url}, JSON {@code {user, token, platform,
 *       game_code, currency, lang, lobby_url, ip, country}} → {@code {"url"}}; demo play uses currency {@code XXX}
 *       [H6][H13];</li>
 *   <li>PRAGMATIC: {@code POST {launchBaseUrl}/game/url/}, form {@code secureLogin, symbol, token,
 *       externalPlayerId, currency, playMode (REAL|DEMO), language, lobbyUrl, hash} → {@code {"gameURL","error":"0"}}
 *       [P1];</li>
 *   <li>EVOLUTION: {@code POST {launchBaseUrl}/ua/v1/{casinoKey}/{apiToken}}, JSON {@code {uuid, player{id, update,
 *       currency, language, country, session{id, ip}}, config{game{table{id}}, channel{wrapped, mobile}}}} →
 *       {@code {"entry","entryEmbedded"}}, {@code entry} relative to the launch base [E2].</li>
 * </ul>
 */
final class LaunchProtocol {
    static final String OPERATION = "launch";
    private final ObjectMapper json;

    LaunchProtocol(ObjectMapper json) {
        this.json = json;
    }

    /** What a launch needs to know about the player and the session. */
    record LaunchInput(UUID playerId, String gameCode, String currency, ProviderSession.Mode mode, String sessionToken,
                       String clientIp, String lobbyUrl) {
    }

    OutboundCall request(ProviderConfig p, LaunchInput in) {
        ProviderSettings s = ProviderSettings.lenient(p.settings(), p.id());
        String base = trimSlash(p.launchBaseUrl());
        boolean demo = in.mode() == ProviderSession.Mode.DEMO;
        switch (p.protocol()) {
            case HUB88: {
                ObjectNode b = json.createObjectNode();
                b.put("user", in.playerId().toString());
                b.put("token", in.sessionToken());
                b.put("platform", "GPL_DESKTOP");
                b.put("game_code", in.gameCode());
                b.put("currency", demo ? "XXX" : in.currency());
                b.put("lang", "en");
                b.put("lobby_url", in.lobbyUrl());
                b.put("ip", in.clientIp());
                b.put("country", "XX");
                return new OutboundCall(p.id(), OPERATION, "POST", base + "/operator/generic/v2/game/url", "application/json", b.toString());
            }
            case PRAGMATIC: {
                Map<String, String> f = new LinkedHashMap<>();
                f.put("secureLogin", s.secureLogin());
                f.put("symbol", in.gameCode());
                f.put("token", in.sessionToken());
                f.put("externalPlayerId", in.playerId().toString());
                f.put("currency", in.currency());
                f.put("playMode", demo ? "DEMO" : "REAL");
                f.put("language", "en");
                f.put("lobbyUrl", in.lobbyUrl());
                String hash = ProviderHashes.pragmaticHash(f, p.credentials().secret());
                return new OutboundCall(p.id(), OPERATION, "POST", base + "/game/url/", "application/x-www-form-urlencoded",
                        ProviderHashes.form(f, hash));
            }
            case EVOLUTION: {
                ObjectNode b = json.createObjectNode();
                b.put("uuid", UUID.randomUUID().toString());
                ObjectNode player = b.putObject("player");
                player.put("id", in.playerId().toString());
                player.put("update", true);
                player.put("currency", in.currency());
                player.put("language", "en");
                player.put("country", "XX");
                ObjectNode session = player.putObject("session");
                session.put("id", in.sessionToken());
                session.put("ip", in.clientIp());
                ObjectNode config = b.putObject("config");
                config.putObject("game").putObject("table").put("id", in.gameCode());
                config.putObject("channel").put("wrapped", false).put("mobile", false);
                String token = p.credentials().apiToken() == null ? "" : p.credentials().apiToken();
                return new OutboundCall(p.id(), OPERATION, "POST", base + "/ua/v1/" + s.casinoKey() + "/" + token,
                        "application/json", b.toString());
            }
            default:
                throw new IllegalStateException(String.valueOf(p.protocol()));
        }
    }

    /**
     * The game URL in the provider's answer.
     *
     * @throws ProviderCallException ERROR when the provider refused (4xx, an error code) or the answer has no usable URL
     */
    String gameUrl(ProviderConfig p, OutboundReply reply) {
        if (reply.status() < 200 || reply.status() >= 300) {
            throw refused(p, "the provider refused the launch (HTTP " + reply.status() + ")");
        }
        JsonNode j;
        try {
            j = json.readTree(reply.body());
        } catch (Exception e) {
            throw refused(p, "the provider's launch answer is not JSON");
        }
        String url;
        switch (p.protocol()) {
            case HUB88:
                url = j.path("url").asText(null);
                break;
            case PRAGMATIC:
                if (!"0".equals(j.path("error").asText("0"))) {
                    throw refused(p, "the provider refused the launch (error " + j.path("error").asText() + ": "
                            + j.path("description").asText("") + ")");
                }
                url = j.path("gameURL").asText(null);
                break;
            case EVOLUTION:
                url = j.path("entry").asText(null);
                if (url != null && url.startsWith("/")) url = origin(p.launchBaseUrl()) + url;
                break;
            default:
                throw new IllegalStateException(String.valueOf(p.protocol()));
        }
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw refused(p, "the provider's launch answer has no game URL");
        }
        return url;
    }

    private static ProviderCallException refused(ProviderConfig p, String message) {
        return new ProviderCallException(p.id(), ProviderCallException.Kind.ERROR, false, message);
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getRawAuthority();
    }
}
