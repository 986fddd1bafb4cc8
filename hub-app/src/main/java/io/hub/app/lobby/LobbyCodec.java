package io.hub.app.lobby;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hub.contracts.RejectionCode;
import io.hub.contracts.lobby.LobbyFrame;
import io.hub.contracts.lobby.LobbyMessage;
import io.hub.contracts.lobby.LobbyRejection;
import io.hub.contracts.lobby.LobbyReply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads and writes lobby frames (AsyncAPI: docs/asyncapi.yaml). Strict: a frame must be one JSON object;
 * {@code action} is {@code spin} or {@code balance}; amounts are JSON strings (a JSON number, even a small one,
 * is refused as INVALID_AMOUNT so no amount passes through a binary float); {@code requestId} is 1-100
 * characters of {@code [A-Za-z0-9._:-]}.
 */
@Component
public class LobbyCodec {
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern GAME_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private final ObjectMapper json;

    public LobbyCodec(ObjectMapper json) {
        this.json = json;
    }

    public LobbyMessage decode(LobbyFrame frame) {
        JsonNode root;
        try {
            root = json.readTree(frame.text());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new LobbyRejection(RejectionCode.INVALID_MESSAGE, "not a JSON object", null);
        }
        if (root == null || !root.isObject()) throw new LobbyRejection(RejectionCode.INVALID_MESSAGE, "not a JSON object", null);
        String requestId = null;
        JsonNode rid = root.get("requestId");
        if (rid != null && !rid.isNull()) {
            if (!rid.isTextual() || !REQUEST_ID.matcher(rid.asText()).matches()) {
                throw new LobbyRejection(RejectionCode.INVALID_MESSAGE, "requestId must be 1-100 characters of A-Z a-z 0-9 . _ : -", null);
            }
            requestId = rid.asText();
        }
        JsonNode action = root.get("action");
        if (action == null || action.isNull()) throw new LobbyRejection(RejectionCode.MISSING_FIELD, "action is required", requestId);
        if (!action.isTextual()) throw new LobbyRejection(RejectionCode.UNKNOWN_ACTION, "unknown action", requestId);
        switch (action.asText()) {
            case "spin" -> {
                if (requestId == null) throw new LobbyRejection(RejectionCode.MISSING_FIELD, "requestId is required for a spin", null);
                JsonNode game = root.get("gameId");
                if (isMissing(game)) throw new LobbyRejection(RejectionCode.MISSING_FIELD, "gameId is required", requestId);
                if (!(game.isTextual() || game.isIntegralNumber()) || !GAME_ID.matcher(game.asText()).matches()) {
                    throw new LobbyRejection(RejectionCode.UNKNOWN_GAME, "unknown game", requestId);
                }
                JsonNode bet = root.get("bet");
                if (isMissing(bet)) throw new LobbyRejection(RejectionCode.MISSING_FIELD, "bet is required", requestId);
                if (!bet.isTextual()) {
                    throw new LobbyRejection(RejectionCode.INVALID_AMOUNT, "bet must be a decimal string such as \"1.50\"", requestId);
                }
                return new LobbyMessage.Spin(frame.playerId(), frame.clientAddress(), requestId, game.asText(), bet.asText());
            }
            case "balance" -> {
                return new LobbyMessage.Balance(frame.playerId(), requestId);
            }
            default -> throw new LobbyRejection(RejectionCode.UNKNOWN_ACTION, "unknown action", requestId);
        }
    }

    /** Absent, JSON null, or an empty string: {@link RejectionCode#MISSING_FIELD} ("missing or empty"). */
    private static boolean isMissing(JsonNode field) {
        return field == null || field.isNull() || (field.isTextual() && field.asText().isEmpty());
    }

    /**
     * The frame of a reply as text. A {@code spinResult} is written from {@link #spinResultTree} (so the text sent is
     * exactly the tree that was signed, plus {@code signature}).
     */
    public String encode(LobbyReply reply) {
        try {
            if (reply instanceof LobbyReply.SpinResult r) {
                ObjectNode tree = spinResultTree(r);
                if (r.signature() != null) tree.put("signature", r.signature());
                return json.writeValueAsString(tree);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            if (reply instanceof LobbyReply.Balance b) {
                m.put("type", "balance");
                if (b.requestId() != null) m.put("requestId", b.requestId());
                m.put("balance", b.balance());
                m.put("currency", b.currency());
                m.put("balanceVersion", b.balanceVersion());
            } else if (reply instanceof LobbyReply.Error e) {
                m.put("type", "error");
                m.put("code", e.code());
                m.put("message", e.message());
                m.put("requestId", e.requestId());
            }
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The {@code spinResult} frame without {@code signature}: what is signed (docs/fairness.md §4). Members:
     * {@code type, requestId, roundId, gameId, result, bet, payout, balance, currency, balanceVersion}, then, when
     * present, {@code spins} ({@code [{"index","stops","result","multiplier","win","wins":[{"description",
     * "multiplier","amount"}]}]}), {@code fairness} ({@code {"serverSeedHash","clientSeed","nonce"}}) and {@code kid}.
     */
    public ObjectNode spinResultTree(LobbyReply.SpinResult r) {
        ObjectNode m = json.createObjectNode();
        m.put("type", "spinResult");
        m.put("requestId", r.requestId());
        m.put("roundId", r.roundId());
        m.put("gameId", r.gameId());
        m.set("result", json.valueToTree(r.result()));
        m.put("bet", r.bet());
        m.put("payout", r.payout());
        m.put("balance", r.balance());
        m.put("currency", r.currency());
        m.put("balanceVersion", r.balanceVersion());
        if (r.spins() != null) {
            ArrayNode spins = m.putArray("spins");
            for (LobbyReply.SpinDetail d : r.spins()) {
                ObjectNode s = spins.addObject();
                s.put("index", d.index());
                ArrayNode stops = s.putArray("stops");
                d.stops().forEach(stops::add);
                s.set("result", json.valueToTree(d.result()));
                s.put("multiplier", d.multiplier());
                s.put("win", d.win());
                ArrayNode wins = s.putArray("wins");
                for (LobbyReply.WinLine w : d.wins()) {
                    wins.addObject().put("description", w.description()).put("multiplier", w.multiplier()).put("amount", w.amount());
                }
            }
        }
        if (r.fairness() != null) {
            m.putObject("fairness").put("serverSeedHash", r.fairness().serverSeedHash()).put("clientSeed", r.fairness().clientSeed())
                    .put("nonce", r.fairness().nonce());
        }
        if (r.kid() != null) m.put("kid", r.kid());
        return m;
    }

    /** Reads a stored spin answer back (for replays). */
    public LobbyReply.SpinResult readSpinResult(String storedJson) {
        try {
            return json.readValue(storedJson, LobbyReply.SpinResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored spin result unreadable", e);
        }
    }
}
