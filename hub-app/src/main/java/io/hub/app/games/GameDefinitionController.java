package io.hub.app.games;

import io.hub.app.auth.CurrentUser;
import io.hub.app.player.User;
import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.games.slot.SlotDefinition;
import io.hub.games.slot.SlotGame;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /games/{gameId}/definition} (any JWT): what a browser needs to draw an in-house slot and to recompute
 * its stops (docs/fairness.md): symbols, reel strips and stop weights exactly as in the game's {@code hub-slot/1}
 * definition (in-house-games {@code games/*.json}), and the bet rules in the player's wallet currency. Read-only;
 * nothing here is secret (the math is published with the game).
 *
 * <p>Answer:
 * <pre>{@code
 * {"gameId":"atkins-diet","name":"Atkins Diet","type":"slot","rows":3,
 *  "symbols":["Atkins",…],"reels":[["Scale","Mayonnaise",…],…],"stopWeights":[] | [[1,3,…],…],
 *  "paylines":[[1,1,1,1,1],…],"wild":"Atkins"|null,"scatters":["Scale"],
 *  "freeSpins":{"symbol":"Scale","minCount":3,"spins":10,"multiplier":3,"retrigger":true}|null,
 *  "currency":"EUR","minBet":"0.20","maxBet":"100.00","betStep":"0.20","betUnits":20,"rtp":"0.9705","volatility":"medium"}
 * }</pre>
 * {@code stopWeights} is empty when every stop is equally likely, else one positive weight per stop, per reel.
 * A reel stopped at {@code s} shows {@code strip[s], strip[s+1] … strip[s+rows-1]} (wrapping), top row first.
 * {@code betStep} is the smallest bet increment ({@code betUnits} minor units: one per line or coin); a bet must
 * be a multiple of it between {@code minBet} and {@code maxBet}. Amounts are decimal strings in major units
 * (ADR 0004). Errors: 404 {@code UNKNOWN_GAME} for an id that is not an in-house slot; 401 without a token.
 */
@RestController
public class GameDefinitionController {
    private final GameCatalogue catalogue;
    private final CurrentUser current;

    public GameDefinitionController(GameCatalogue catalogue, CurrentUser current) {
        this.catalogue = catalogue;
        this.current = current;
    }

    @GetMapping("/games/{gameId}/definition")
    public Map<String, Object> definition(@AuthenticationPrincipal Jwt jwt, @PathVariable String gameId) {
        SlotGame game = catalogue.inHouseGame(gameId).filter(SlotGame.class::isInstance).map(SlotGame.class::cast)
                .orElseThrow(() -> new RejectedException(RejectionCode.UNKNOWN_GAME, "no in-house slot with this id"));
        User user = current.of(jwt);
        CurrencyUnit cur = CurrencyUnit.of(user.currency() != null ? user.currency() : "EUR");
        SlotDefinition d = game.definition();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("gameId", d.gameId());
        out.put("name", d.name());
        out.put("type", d.type());
        out.put("rows", d.rows());
        out.put("symbols", d.symbols());
        out.put("reels", d.reels());
        out.put("stopWeights", d.stopWeights());
        out.put("paylines", d.paylines());
        out.put("wild", d.wild().map(SlotDefinition.Wild::symbol).orElse(null));
        out.put("scatters", d.scatters().stream().map(SlotDefinition.Scatter::symbol).toList());
        out.put("freeSpins", d.freeSpins().map(f -> {
            Map<String, Object> fs = new LinkedHashMap<>();
            fs.put("symbol", f.symbol());
            fs.put("minCount", f.minCount());
            fs.put("spins", f.spins());
            fs.put("multiplier", f.multiplier());
            fs.put("retrigger", f.retrigger());
            return fs;
        }).orElse(null));
        out.put("currency", cur.code());
        catalogue.limits(gameId, cur.code()).ifPresent(l -> {
            out.put("minBet", l.minBet().toDecimalString());
            out.put("maxBet", l.maxBet().toDecimalString());
        });
        out.put("betStep", Money.ofMinor(game.betUnits(), cur).toDecimalString());
        out.put("betUnits", game.betUnits());
        out.put("rtp", game.descriptor().rtp() == null ? null
                : game.descriptor().rtp().setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString());
        out.put("volatility", game.descriptor().volatility());
        return out;
    }
}
