package io.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.contracts.providers.OutboundCall;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The provider-http route hands each call's own time-outs to camel-http as endpoint options (over the component's). */
class ProviderHttpRouteTest {

    private static Exchange prepared(OutboundCall call) throws Exception {
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        e.getMessage().setBody(call);
        ProviderHttpRoute.toHttpRequest(e);
        return e;
    }

    @Test
    void a_calls_connect_and_read_timeouts_become_options_of_its_endpoint() throws Exception {
        Exchange e = prepared(new OutboundCall("p1", "launch", "POST", "http://studio.example/v2/game/url?x=1", "application/json", "{}",
                300, 1_200));
        assertThat(e.getProperty(ProviderHttpRoute.TARGET, String.class)).isEqualTo("http://studio.example/v2/game/url"
                + "?throwExceptionOnFailure=false&connectTimeout=300&responseTimeout=1200&soTimeout=1200");
        assertThat(e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class)).isEqualTo("x=1");
    }

    @Test
    void the_callers_http_client_configurer_is_an_option_of_every_endpoint() throws Exception {
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        e.getMessage().setBody(new OutboundCall("p1", "launch", "POST", "http://studio.example/url", "application/json", "{}", 300, 1_200));
        ProviderHttpRoute.toHttpRequest(e, "providerCallDeadlines");
        assertThat(e.getProperty(ProviderHttpRoute.TARGET, String.class)).isEqualTo("http://studio.example/url"
                + "?throwExceptionOnFailure=false&connectTimeout=300&responseTimeout=1200&soTimeout=1200"
                + "&httpClientConfigurer=#providerCallDeadlines");
    }

    @Test
    void a_call_without_timeouts_keeps_the_components_defaults() throws Exception {
        Exchange e = prepared(new OutboundCall("p1", "catalogue", "GET", "http://studio.example/list", null, null));
        assertThat(e.getProperty(ProviderHttpRoute.TARGET, String.class)).isEqualTo("http://studio.example/list?throwExceptionOnFailure=false");
        assertThat(ProviderHttpRoute.timeouts(new OutboundCall("p1", "catalogue", "GET", "http://s/l", null, null, 0, 800)))
                .isEqualTo("&responseTimeout=800&soTimeout=800");
    }
}
