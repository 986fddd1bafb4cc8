package io.hub.app.providers.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.outbound.ProviderHashes;
import io.hub.app.providers.outbound.ProviderSettings;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The game-list call of each protocol and how its entries map to {@link ProviderGame} (providers.md §1 rows 1–2):
 * <ul>
 *   <li>HUB88 and EVOLUTION: {@code GET {catalogueBaseUrl}/operator/generic/v2/game/list} → a JSON array (or
 *       {@code {"games":[…]}}) of {@code {game_code, name, category, rtp, volatility, demo, limits}} (Hub88's game
 *       list [H6]; the real API is a POST, a GET is used here so that it can be retried safely);</li>
 *   <li>PRAGMATIC: {@code GET {catalogueBaseUrl}/CasinoGameAPI/getCasinoGames/?secureLogin=…&hash=…} →
 *       {@code {"error":"0","gameList":[{gameID, gameName, typeDescription, rtp, volatility, demoGameAvailable,
 *       limits}]}} [P1].</li>
 * </ul>
 * {@code rtp} is a decimal (number or string), a fraction (0.965) or a percentage (96.5); {@code limits} is
 * {@code {"EUR":{"minBet":"0.10","maxBet":"100.00"}}} with decimal strings in major units. An entry without an id or
 * a name, or with an unreadable RTP, is skipped (and counted); limits that cannot be read are dropped for that currency.
 * The answer is the provider's whole catalogue (no paging): a game it no longer holds is delisted by {@link CatalogueSync}.
 */
final class CatalogueProtocol {
    static final String OPERATION = io.hub.app.providers.outbound.ProviderCalls.CATALOGUE;
    private final ObjectMapper json;

    CatalogueProtocol(ObjectMapper json) {
        this.json = json;
    }

    /** One readable catalogue entry. */
    record ParsedGame(String gameId, String name, String category, BigDecimal rtp, String volatility, boolean demo,
                      Map<String, ProviderGame.Limits> limits, Map<String, Object> metadata) {
    }

    /**
     * The readable entries, how many were skipped, and every game code the answer held ({@code ids}: the readable
     * entries' and those of skipped entries whose code could be read). A listed game whose entry became unreadable
     * is still in the provider's list: the sync keeps it as it was rather than delisting it.
     */
    record Parsed(List<ParsedGame> games, int skipped, java.util.Set<String> ids) {
    }

    /** An answer that is not a game list at all. */
    static class FormatException extends RuntimeException {
        FormatException(String message) {
            super(message);
        }
    }

    io.hub.contracts.providers.OutboundCall request(ProviderConfig p) {
        String base = p.catalogueBaseUrl().endsWith("/") ? p.catalogueBaseUrl().substring(0, p.catalogueBaseUrl().length() - 1)
                : p.catalogueBaseUrl();
        if (p.protocol() == io.hub.app.providers.ProviderProtocol.PRAGMATIC) {
            String login = ProviderSettings.lenient(p.settings(), p.id()).secureLogin();
            String hash = ProviderHashes.pragmaticHash(Map.of("secureLogin", login), p.credentials().secret());
            return new io.hub.contracts.providers.OutboundCall(p.id(), OPERATION, "GET",
                    base + "/CasinoGameAPI/getCasinoGames/?" + ProviderHashes.form(Map.of("secureLogin", login), hash), null, null);
        }
        return new io.hub.contracts.providers.OutboundCall(p.id(), OPERATION, "GET", base + "/operator/generic/v2/game/list", null, null);
    }

    Parsed parse(ProviderConfig p, String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (Exception e) {
            throw new FormatException("the game list is not JSON");
        }
        JsonNode list;
        Fields f;
        if (p.protocol() == io.hub.app.providers.ProviderProtocol.PRAGMATIC) {
            if (!"0".equals(root.path("error").asText("0"))) {
                throw new FormatException("the provider answered error " + root.path("error").asText() + " to the game list");
            }
            list = root.path("gameList");
            f = new Fields("gameID", "gameName", "typeDescription", "demoGameAvailable");
        } else {
            list = root.isArray() ? root : root.path("games");
            f = new Fields("game_code", "name", "category", "demo");
        }
        if (!list.isArray()) throw new FormatException("the answer holds no game list");
        List<ParsedGame> games = new ArrayList<>();
        int skipped = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode g : list) {
            String code = g.path(f.id()).asText("").trim();
            if (!code.isEmpty() && code.length() <= 100) ids.add(code);
            ParsedGame parsed = entry(g, f);
            if (parsed == null || !seen.add(parsed.gameId())) {
                skipped++;
            } else {
                games.add(parsed);
            }
        }
        return new Parsed(games, skipped, ids);
    }

    private record Fields(String id, String name, String category, String demo) {
    }

    private ParsedGame entry(JsonNode g, Fields f) {
        String id = g.path(f.id()).asText("").trim();
        String name = g.path(f.name()).asText("").trim();
        if (id.isEmpty() || id.length() > 100 || name.isEmpty() || name.length() > 200) return null;
        String category = g.path(f.category()).asText("slot").trim().toLowerCase();
        if (category.isEmpty() || category.length() > 50) category = "slot";
        BigDecimal rtp = null;
        JsonNode r = g.get("rtp");
        if (r != null && !r.isNull()) {
            try {
                rtp = r.isTextual() ? new BigDecimal(r.asText().trim()) : r.decimalValue();
            } catch (NumberFormatException e) {
                return null;
            }
            if (rtp.compareTo(BigDecimal.ONE) > 0) rtp = rtp.movePointLeft(2);
            if (rtp.signum() <= 0 || rtp.compareTo(BigDecimal.ONE) > 0 || rtp.scale() > 6) return null;
        }
        String volatility = g.hasNonNull("volatility") ? g.get("volatility").asText().trim().toLowerCase() : null;
        if (volatility != null && (volatility.isEmpty() || volatility.length() > 30)) volatility = null;
        JsonNode demoNode = g.get(f.demo());
        boolean demo = demoNode != null && (demoNode.asBoolean(false) || "true".equalsIgnoreCase(demoNode.asText()));
        Map<String, ProviderGame.Limits> limits = new LinkedHashMap<>();
        JsonNode l = g.path("limits");
        if (l.isObject()) {
            l.fields().forEachRemaining(e -> {
                ProviderGame.Limits lim = limits(e.getKey(), e.getValue());
                if (lim != null) limits.put(e.getKey(), lim);
            });
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        g.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) metadata.put(e.getKey(), e.getValue().asText());
        });
        return new ParsedGame(id, name, category, rtp, volatility, demo, limits, metadata);
    }

    private static ProviderGame.Limits limits(String currency, JsonNode node) {
        try {
            CurrencyUnit unit = CurrencyUnit.of(currency);
            if (!node.path("minBet").isTextual() || !node.path("maxBet").isTextual()) return null;
            Money min = Money.parse(node.get("minBet").asText(), unit);
            Money max = Money.parse(node.get("maxBet").asText(), unit);
            if (!min.isPositive() || min.compareTo(max) > 0) return null;
            return new ProviderGame.Limits(min.toDecimalString(), max.toDecimalString());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
