package io.hub.routes;

import io.hub.contracts.payments.WebhookIntakePort;
import org.apache.camel.builder.RouteBuilder;

/**
 * Processes the webhook inbox asynchronously (payments.md §2 "process asynchronously"): on every tick, the events that
 * are due (new, unmatched or deferred ones whose retry time has come) are applied to the deposit, withdrawal and KYC
 * state machines, each in its own database transaction. A tick that processed a full batch runs again at once.
 */
public class WebhookInboxRoute extends RouteBuilder {
    private final WebhookIntakePort inbox;
    private final long periodMs;
    private final int batchSize;

    public WebhookInboxRoute(WebhookIntakePort inbox, long periodMs, int batchSize) {
        this.inbox = inbox;
        this.periodMs = periodMs;
        this.batchSize = batchSize;
    }

    @Override
    public void configure() {
        from("timer:webhook-inbox?delay=1000&period=" + periodMs).routeId("webhook-inbox")
                .loopDoWhile(e -> e.getProperty("hubInboxProcessed", 0, Integer.class) >= batchSize || e.getProperty("hubInboxFirst", true, Boolean.class))
                    .process(e -> {
                        e.setProperty("hubInboxFirst", false);
                        e.setProperty("hubInboxProcessed", inbox.processInbox(batchSize));
                    }).id("process-inbox")
                .end();
    }
}
