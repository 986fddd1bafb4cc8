package io.hub.routes;

import io.hub.contracts.wallet.ProviderCallback;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import io.hub.contracts.wallet.ProviderWalletPort;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A game provider's seamless-wallet callback ({@code POST /wallet/{providerId}/…}, issue 3 point 2): the HTTP layer
 * hands over the raw bytes as a {@link ProviderCallback}; the answer is a {@link ProviderCallbackAnswer} whose bytes
 * are sent as they are.
 *
 * <pre>
 * direct:provider-wallet-callback   decode (provider, signature on the raw bytes, translate)
 *                                   → refused? answer as is
 *                                   → apply (wallet, one DB transaction) → encode (provider's format, signed)
 * </pre>
 *
 * A signature failure, a malformed body or an unknown provider never reaches {@code apply}. Any unexpected failure
 * becomes the protocol's "internal error, retry" answer (the wallet's transaction has rolled back; the provider
 * retries with the same ids, providers.md §3 scenario 19), never an HTTP 500 page.
 */
public class ProviderWalletCallbackRoute extends RouteBuilder {
    public static final String ENDPOINT = "direct:provider-wallet-callback";
    static final String CALLBACK = "hubProviderCallback";
    private static final Logger log = LoggerFactory.getLogger(ProviderWalletCallbackRoute.class);
    private final ProviderWalletPort wallet;

    public ProviderWalletCallbackRoute(ProviderWalletPort wallet) {
        this.wallet = wallet;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("provider-wallet-callback")
                .onException(Exception.class).handled(true).process(this::failed).end()
                .setProperty(CALLBACK, body()).id("wallet-keep-callback")
                .bean(wallet, "decode").id("wallet-decode")
                .choice()
                    .when(body().isInstanceOf(ProviderCallbackAnswer.class)).log(LoggingLevel.DEBUG, "refused callback").id("wallet-refused")
                    .otherwise()
                        .bean(wallet, "apply").id("wallet-apply")
                        .bean(wallet, "encode").id("wallet-encode")
                .end();
    }

    private void failed(Exchange e) {
        Exception ex = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ProviderCallback cb = e.getProperty(CALLBACK, ProviderCallback.class);
        log.error("provider callback failed provider={} operation={}", cb == null ? null : cb.providerId(),
                cb == null ? null : cb.operation(), ex);
        e.getMessage().setBody(cb == null ? null : wallet.internalError(cb));
    }
}
