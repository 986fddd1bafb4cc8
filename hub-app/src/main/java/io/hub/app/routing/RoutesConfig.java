package io.hub.app.routing;

import io.hub.app.events.OutboxRelay;
import io.hub.app.lobby.BalancePushes;
import io.hub.app.lobby.SpinHoldSweeper;
import io.hub.app.lobby.SpinService;
import io.hub.routes.HoldExpiryRoute;
import io.hub.routes.LobbyErrorPolicy;
import io.hub.routes.LobbyMessageRoute;
import io.hub.routes.LobbySpinRoute;
import io.hub.routes.OutboxRelayRoute;
import io.hub.routes.WalletPushRoute;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routes of this node. Kafka producer settings (idempotent, {@code acks=all}, bounded blocking so a Kafka
 * outage fails the relay's batch quickly instead of stalling, the CloudEvents {@code content-type} header name kept
 * lower-case by {@link CloudEventsContentTypeInterceptor}) are on the endpoint URI; the brokers come from
 * {@code camel.component.kafka.brokers} = {@code spring.kafka.bootstrap-servers}.
 */
@Configuration(proxyBeanMethods = false)
public class RoutesConfig {
    static final String PRODUCER_OPTIONS = "batchWithIndividualHeaders=true&requestRequiredAcks=all&enableIdempotence=true&maxInFlightRequest=5"
            + "&maxBlockMs={{hub.kafka.max-block-ms:5000}}&requestTimeoutMs={{hub.kafka.request-timeout-ms:5000}}"
            + "&deliveryTimeoutMs={{hub.kafka.delivery-timeout-ms:10000}}&lingerMs={{hub.kafka.linger-ms:1}}"
            + "&interceptorClasses=" + CloudEventsContentTypeInterceptor.class.getName();

    @Bean
    LobbyErrorPolicy lobbyErrorPolicy() {
        return new LobbyErrorPolicy();
    }

    @Bean
    LobbyMessageRoute lobbyMessageRoute(SpinService lobby) {
        return new LobbyMessageRoute(lobby);
    }

    @Bean
    LobbySpinRoute lobbySpinRoute(SpinService lobby) {
        return new LobbySpinRoute(lobby);
    }

    @Bean
    OutboxRelayRoute outboxRelayRoute(OutboxRelay outbox, @Value("${hub.kafka.wallet-topic:wallet.transactions}") String topic,
                                      @Value("${hub.outbox.period-ms:50}") long periodMs,
                                      @Value("${hub.outbox.batch-size:500}") int batchSize) {
        return new OutboxRelayRoute(outbox, "kafka:" + topic + "?" + PRODUCER_OPTIONS, periodMs, batchSize);
    }

    @Bean
    WalletPushRoute walletPushRoute(BalancePushes pushes, @Value("${hub.kafka.wallet-topic:wallet.transactions}") String topic,
                                    @Value("${hub.node-id:}") String nodeId) {
        String node = nodeId.isBlank() ? UUID.randomUUID().toString() : nodeId;
        return new WalletPushRoute(pushes, "kafka:" + topic + "?groupId=hub-lobby-push-" + node
                + "&autoOffsetReset=latest&autoCommitEnable=true&pollTimeoutMs=500");
    }

    @Bean
    HoldExpiryRoute holdExpiryRoute(SpinHoldSweeper sweeper, @Value("${hub.lobby.hold-sweep-period-ms:10000}") long periodMs) {
        return new HoldExpiryRoute(sweeper, periodMs);
    }
}
