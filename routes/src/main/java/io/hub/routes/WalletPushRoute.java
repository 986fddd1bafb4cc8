package io.hub.routes;

import io.hub.contracts.events.WalletEventListener;
import org.apache.camel.builder.RouteBuilder;

/**
 * Consumes the wallet topic on every hub node (a consumer group of its own per node, starting at the latest
 * offset) and hands each record to the lobby, which pushes the new balance to the player's sockets on this
 * node. A balance change made on another node, or by a provider callback or a deposit, reaches the player
 * this way.
 */
public class WalletPushRoute extends RouteBuilder {
    private final WalletEventListener listener;
    private final String kafkaEndpoint;

    /** @param kafkaEndpoint a camel-kafka consumer endpoint with a per-node groupId */
    public WalletPushRoute(WalletEventListener listener, String kafkaEndpoint) {
        this.listener = listener;
        this.kafkaEndpoint = kafkaEndpoint;
    }

    @Override
    public void configure() {
        from(kafkaEndpoint).routeId("wallet-push")
                .process(e -> listener.onWalletEvent(e.getMessage().getBody(String.class))).id("push");
    }
}
