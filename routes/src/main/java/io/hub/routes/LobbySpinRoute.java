package io.hub.routes;

import io.hub.contracts.lobby.LobbyPort;
import io.hub.contracts.lobby.LobbyReply;
import org.apache.camel.builder.RouteBuilder;

/**
 * The in-house spin (seed §4 steps 3-5): validate; reserve the bet as a pending hold; draw the outcome from
 * the in-house game; post the bet and the win against the hold; answer with the result and new balance.
 *
 * <pre>
 * direct:lobby-spin             validate → direct:lobby-spin-transaction → SpinResult | error frame (lobby-errors)
 * direct:lobby-spin-transaction transacted: reserve (BET_RESERVED) → [replay? stored answer] → draw → settle (SPIN_SETTLED)
 * </pre>
 *
 * The reserve, draw and settle steps run in one database transaction (Camel {@code transacted()} on the
 * PostgreSQL transaction manager): the ledger records the hold and its settlement as two transactions, both
 * published to Kafka, but they commit together. If drawing or settling fails, the whole transaction rolls back,
 * so the hold never outlives a failed spin and no outcome is kept that was not paid (docs/adr/0005). A retried
 * requestId whose spin completed gets the stored answer from {@code reserve} and skips the rest. Errors inside the
 * transaction are answered by {@link LobbyErrorPolicy#TRANSACTED_ID}, which also marks the transaction for rollback.
 */
public class LobbySpinRoute extends RouteBuilder {
    public static final String ENDPOINT = "direct:lobby-spin";
    public static final String TRANSACTION = "direct:lobby-spin-transaction";
    private final LobbyPort lobby;

    public LobbySpinRoute(LobbyPort lobby) {
        this.lobby = lobby;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("lobby-spin").routeConfigurationId(LobbyErrorPolicy.ID)
                .bean(lobby, "validate").id("validate")
                .to(TRANSACTION).id("play");

        from(TRANSACTION).routeId("lobby-spin-transaction").routeConfigurationId(LobbyErrorPolicy.TRANSACTED_ID)
                .transacted().id("transaction")
                .bean(lobby, "reserve").id("reserve")
                .choice()
                    .when(body().isInstanceOf(LobbyReply.class))
                        .log("replayed spin requestId=${body.requestId}").id("replay")
                    .otherwise()
                        .bean(lobby, "draw").id("draw")
                        .bean(lobby, "settle").id("settle")
                .end();
    }
}
