package io.hub.routes;

import io.hub.contracts.lobby.LobbyMessage;
import io.hub.contracts.lobby.LobbyPort;
import org.apache.camel.builder.RouteBuilder;

/**
 * Every text frame from a player's lobby WebSocket: decode, dispatch by action, answer.
 *
 * <pre>
 * direct:lobby-message (LobbyFrame) → decode → spin  → direct:lobby-spin → LobbyReply
 *                                            → balance → balance          → LobbyReply
 * </pre>
 * The body that leaves the route is always a {@link io.hub.contracts.lobby.LobbyReply} (an error frame on any
 * failure, see {@link LobbyErrorPolicy}); the WebSocket handler encodes and sends it.
 */
public class LobbyMessageRoute extends RouteBuilder {
    public static final String ENDPOINT = "direct:lobby-message";
    private final LobbyPort lobby;

    public LobbyMessageRoute(LobbyPort lobby) {
        this.lobby = lobby;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("lobby-message").routeConfigurationId(LobbyErrorPolicy.ID)
                .bean(lobby, "decode").id("decode")
                .setProperty(LobbyErrorPolicy.REQUEST, body())
                .choice()
                    .when(body().isInstanceOf(LobbyMessage.Spin.class))
                        .to(LobbySpinRoute.ENDPOINT).id("to-spin")
                    .otherwise()
                        .bean(lobby, "balance").id("balance")
                .end();
    }
}
