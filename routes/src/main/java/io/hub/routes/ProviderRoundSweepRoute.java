package io.hub.routes;

import io.hub.contracts.wallet.RoundSweepPort;
import org.apache.camel.builder.RouteBuilder;

/**
 * Closes provider rounds left open longer than {@code hub.providers.round-sweep.max-age} (a provider or adapter that
 * crashed mid-round, providers.md §3 scenario 23; Caleta auto-finishes after 48 h). Each closure is recorded by the
 * sweeper (audit row); the count is logged when it is not zero.
 */
public class ProviderRoundSweepRoute extends RouteBuilder {
    private final RoundSweepPort sweeper;
    private final long periodMs;

    public ProviderRoundSweepRoute(RoundSweepPort sweeper, long periodMs) {
        this.sweeper = sweeper;
        this.periodMs = periodMs;
    }

    @Override
    public void configure() {
        from("timer:provider-round-sweep?delay=10000&period=" + periodMs).routeId("provider-round-sweep")
                .process(e -> e.getMessage().setBody(sweeper.sweepStaleRounds())).id("close-stale-rounds")
                .filter(simple("${body} > 0")).log("closed ${body} stale provider rounds").id("log-closed");
    }
}
