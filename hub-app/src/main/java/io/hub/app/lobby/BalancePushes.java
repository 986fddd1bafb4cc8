package io.hub.app.lobby;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.contracts.events.WalletEventListener;
import io.hub.contracts.lobby.LobbyReply;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns wallet-topic records into {@code balance} pushes for players connected to this node: for every record
 * whose balances include the player's cash account, the new balance and its version are pushed to each of the
 * player's sockets that has not already shown a newer version.
 */
@Component
public class BalancePushes implements WalletEventListener {
    private static final Logger log = LoggerFactory.getLogger(BalancePushes.class);
    private final ObjectMapper json;
    private final LobbySessions sessions;
    private final LobbyCodec codec;

    public BalancePushes(ObjectMapper json, LobbySessions sessions, LobbyCodec codec) {
        this.json = json;
        this.sessions = sessions;
        this.codec = codec;
    }

    @Override
    public void onWalletEvent(String payload) {
        try {
            JsonNode e = json.readTree(payload);
            JsonNode player = e.get("playerId");
            if (player == null || player.isNull()) return;
            UUID playerId = UUID.fromString(player.asText());
            for (JsonNode b : e.path("balances")) {
                if (!"PLAYER_CASH".equals(b.path("accountType").asText())) continue;
                long version = b.path("balanceVersion").asLong();
                String balance = b.path("balance").asText();
                String currency = e.path("currency").asText();
                sessions.push(playerId, version, () -> codec.encode(new LobbyReply.Balance(null, balance, currency, version)));
            }
        } catch (Exception ex) {
            log.warn("unreadable wallet event skipped: {}", ex.toString());
        }
    }
}
