package io.hub.routes;

import io.hub.contracts.lobby.LobbyPort;
import io.hub.contracts.lobby.LobbyReply;
import io.hub.contracts.lobby.SpinReservation;
import org.apache.camel.builder.RouteBuilder;

/**
 * The in-house spin (seed §4 steps 3-5): validate; reserve the bet as a pending hold; draw the outcome from
 * the in-house game; post the bet and the win against the hold; answer with the result and new balance.
 *
 * <p>A retried requestId whose spin completed gets the stored answer from {@code reserve} and skips the rest.
 * If drawing or settling fails after the hold, the hold is voided (a new ledger transaction) before the error
 * answer, so the player's money is never left reserved by a failed spin; a crashed node's holds are voided by
 * the hold-expiry sweeper.
 */
public class LobbySpinRoute extends RouteBuilder {
    public static final String ENDPOINT = "direct:lobby-spin";
    static final String RESERVATION = "hubSpinReservation";
    private final LobbyPort lobby;

    public LobbySpinRoute(LobbyPort lobby) {
        this.lobby = lobby;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("lobby-spin").routeConfigurationId(LobbyErrorPolicy.ID)
                .bean(lobby, "validate").id("validate")
                .bean(lobby, "reserve").id("reserve")
                .choice()
                    .when(body().isInstanceOf(LobbyReply.class))
                        .log("replayed spin requestId=${body.requestId}").id("replay")
                    .otherwise()
                        .setProperty(RESERVATION, body())
                        .doTry()
                            .bean(lobby, "draw").id("draw")
                            .bean(lobby, "settle").id("settle")
                        .doCatch(Exception.class)
                            .process(e -> lobby.release(e.getProperty(RESERVATION, SpinReservation.class))).id("release")
                            .process(e -> {
                                throw e.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class);
                            })
                        .end()
                .end();
    }
}
