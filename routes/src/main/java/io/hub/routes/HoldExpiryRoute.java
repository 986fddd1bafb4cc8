package io.hub.routes;

import org.apache.camel.builder.RouteBuilder;

/**
 * Voids pending holds older than their time-out (a spin whose node died between reserve and settle), each as
 * a new ledger transaction, so reserved money never stays stuck. What it voided is logged and published like
 * every other ledger transaction.
 */
public class HoldExpiryRoute extends RouteBuilder {
    private final Runnable sweeper;
    private final long periodMs;

    public HoldExpiryRoute(Runnable sweeper, long periodMs) {
        this.sweeper = sweeper;
        this.periodMs = periodMs;
    }

    @Override
    public void configure() {
        from("timer:hold-expiry?delay=5000&period=" + periodMs).routeId("hold-expiry")
                .process(e -> sweeper.run()).id("void-expired-holds");
    }
}
