package io.hub.routes;

import static io.hub.routes.FakeLobbyPort.PLAYER;
import static org.assertj.core.api.Assertions.assertThat;

import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import io.hub.contracts.lobby.LobbyFrame;
import io.hub.contracts.lobby.LobbyMessage;
import io.hub.contracts.lobby.LobbyReply;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** {@link LobbyMessageRoute}: decode, dispatch by action, error frames; against a {@link FakeLobbyPort}. */
class LobbyMessageRouteTest extends CamelTestSupport {
    private final FakeLobbyPort port = new FakeLobbyPort();

    private final java.util.List<String> tx = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("PROPAGATION_REQUIRED", new OutboxRelayRouteTest.RecordingTransactionPolicy(tx));
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new LobbyErrorPolicy(), new LobbyMessageRoute(port), new LobbySpinRoute(port)};
    }

    private Exchange send(String text) {
        LobbyFrame frame = new LobbyFrame(PLAYER, "ws-1", "203.0.113.9", text);
        return template.request(LobbyMessageRoute.ENDPOINT, e -> e.getMessage().setBody(frame));
    }

    @Test
    void spin_goes_through_the_spin_route() {
        Exchange out = send("spin:r-1");

        assertThat(out.getException()).isNull();
        LobbyReply.SpinResult result = out.getMessage().getBody(LobbyReply.SpinResult.class);
        assertThat(result).isEqualTo(new LobbyReply.SpinResult("r-1", FakeLobbyPort.ROUND.toString(), "red-white-blue",
                List.of(List.of("7"), List.of("7"), List.of("7")), "1.50", "3.00", "102.50", "EUR", 7));
        assertThat(port.methods()).containsExactly("decode", "validate", "reserve", "draw", "settle");
        assertThat(port.argumentOf("decode")).isEqualTo(new LobbyFrame(PLAYER, "ws-1", "203.0.113.9", "spin:r-1"));
        assertThat(port.argumentOf("validate"))
                .isEqualTo(new LobbyMessage.Spin(PLAYER, "203.0.113.9", "r-1", "red-white-blue", "1.50"));
    }

    @Test
    void balance_goes_to_the_balance_bean_and_never_to_the_spin_route() throws Exception {
        AdviceWith.adviceWith(context, "lobby-message", a -> a.weaveById("to-spin").replace().to("mock:spin"));
        MockEndpoint spin = getMockEndpoint("mock:spin");
        spin.expectedMessageCount(0);

        Exchange out = send("balance:r-2");

        assertThat(out.getMessage().getBody()).isEqualTo(new LobbyReply.Balance("r-2", "102.50", "EUR", 7));
        assertThat(port.methods()).containsExactly("decode", "balance");
        assertThat(port.argumentOf("balance")).isEqualTo(new LobbyMessage.Balance(PLAYER, "r-2"));
        spin.assertIsSatisfied();
    }

    @Test
    void spin_never_reaches_the_balance_bean() throws Exception {
        AdviceWith.adviceWith(context, "lobby-message", a -> a.weaveById("to-spin").before().to("mock:spin"));
        MockEndpoint spin = getMockEndpoint("mock:spin");
        spin.expectedBodiesReceived(new LobbyMessage.Spin(PLAYER, "203.0.113.9", "r-9", "red-white-blue", "1.50"));

        send("spin:r-9");

        spin.assertIsSatisfied();
        assertThat(port.methods()).doesNotContain("balance");
    }

    @Test
    void lobby_rejection_from_decode_carries_its_request_id_into_the_error() {
        Exchange out = send("reject:r-3");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo(new LobbyReply.Error("UNKNOWN_ACTION", "unknown action", "r-3"));
        assertThat(port.methods()).containsExactly("decode");
    }

    @Test
    void unreadable_frame_answers_an_error_without_request_id() {
        Exchange out = send("{not json");

        assertThat(out.getMessage().getBody()).isEqualTo(new LobbyReply.Error("INVALID_MESSAGE", "not a JSON object", null));
        assertThat(port.methods()).containsExactly("decode");
    }

    @Test
    void rejection_inside_the_spin_route_echoes_the_decoded_request_id() {
        port.validate = spin -> {
            throw new RejectedException(RejectionCode.RATE_LIMITED);
        };

        Exchange out = send("spin:r-4");

        assertThat(out.getMessage().getBody()).isEqualTo(new LobbyReply.Error("RATE_LIMITED", "too many requests", "r-4"));
        assertThat(port.methods()).containsExactly("decode", "validate");
    }

    @Test
    void failed_settle_answers_internal_error_with_the_request_id_and_rolls_back() {
        port.settle = draw -> {
            throw new IllegalStateException("connection reset");
        };

        Exchange out = send("spin:r-5");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo(
                new LobbyReply.Error("INTERNAL_ERROR", "internal error; the request had no effect", "r-5"));
        assertThat(port.methods()).containsExactly("decode", "validate", "reserve", "draw", "settle");
        assertThat(tx).containsExactly("begin", "rollback");
    }

    @Test
    void failing_balance_answers_internal_error_with_the_request_id() throws Exception {
        AdviceWith.adviceWith(context, "lobby-message",
                a -> a.weaveById("balance").replace().throwException(new IllegalStateException("pool exhausted")));

        Exchange out = send("balance:r-6");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo(
                new LobbyReply.Error("INTERNAL_ERROR", "internal error; the request had no effect", "r-6"));
    }
}
