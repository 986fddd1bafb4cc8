package io.hub.routes;

import static io.hub.routes.FakeLobbyPort.EUR;
import static io.hub.routes.FakeLobbyPort.HOLD;
import static io.hub.routes.FakeLobbyPort.PLAYER;
import static io.hub.routes.FakeLobbyPort.ROUND;
import static org.assertj.core.api.Assertions.assertThat;

import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import io.hub.contracts.lobby.LobbyMessage;
import io.hub.contracts.lobby.LobbyReply;
import io.hub.contracts.lobby.SpinCommand;
import io.hub.contracts.lobby.SpinDraw;
import io.hub.contracts.lobby.SpinReservation;
import io.hub.contracts.money.Money;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** {@link LobbySpinRoute} with its error policy, against a hand-written {@link FakeLobbyPort}; no Spring. */
class LobbySpinRouteTest extends CamelTestSupport {
    private static final LobbyMessage.Spin SPIN =
            new LobbyMessage.Spin(PLAYER, "203.0.113.9", "r-1", "red-white-blue", "1.50");
    private static final SpinCommand COMMAND = new SpinCommand(PLAYER, "red-white-blue", Money.ofMinor(150, EUR), "r-1");
    private static final SpinReservation RESERVATION = new SpinReservation(COMMAND, HOLD, ROUND);
    private static final SpinDraw DRAW = new SpinDraw(RESERVATION, FakeLobbyPort.outcome());
    private static final LobbyReply.SpinResult RESULT = new LobbyReply.SpinResult("r-1", ROUND.toString(), "red-white-blue",
            List.of(List.of("7"), List.of("7"), List.of("7")), "1.50", "3.00", "102.50", "EUR", 7);

    private final FakeLobbyPort port = new FakeLobbyPort();
    /** begin / commit / rollback of the spin's database transaction, as the transaction policy saw them. */
    private final List<String> tx = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("PROPAGATION_REQUIRED", new OutboxRelayRouteTest.RecordingTransactionPolicy(tx));
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new LobbyErrorPolicy(), new LobbySpinRoute(port)};
    }

    /** Sends a spin the way {@link LobbyMessageRoute} does: the parsed request is kept in an exchange property. */
    private Exchange spin() {
        return template.request(LobbySpinRoute.ENDPOINT, e -> {
            e.setProperty(LobbyErrorPolicy.REQUEST, SPIN);
            e.getMessage().setBody(SPIN);
        });
    }

    @Test
    void happy_path_validates_reserves_draws_settles_in_order_and_answers_the_result() {
        Exchange out = spin();

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo(RESULT);
        assertThat(port.methods()).containsExactly("validate", "reserve", "draw", "settle");
        assertThat(port.argumentOf("validate")).isEqualTo(SPIN);
        assertThat(port.argumentOf("reserve")).isEqualTo(COMMAND);
        assertThat(port.argumentOf("draw")).isEqualTo(RESERVATION);
        assertThat(port.argumentOf("settle")).isEqualTo(DRAW);
    }

    @Test
    void replayed_request_answers_the_stored_result_and_skips_draw_and_settle() {
        LobbyReply.SpinResult stored = new LobbyReply.SpinResult("r-1", "stored-round", "red-white-blue",
                List.of(List.of("BAR")), "1.50", "0.00", "98.50", "EUR", 3);
        port.reserve = command -> stored;

        Exchange out = spin();

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isSameAs(stored);
        assertThat(port.methods()).containsExactly("validate", "reserve");
    }

    @Test
    void replayed_request_whose_stored_answer_is_an_error_answers_that_error() {
        LobbyReply.Error stored = new LobbyReply.Error("INSUFFICIENT_FUNDS", "insufficient funds", "r-1");
        port.reserve = command -> stored;

        Exchange out = spin();

        assertThat(out.getMessage().getBody()).isSameAs(stored);
        assertThat(port.methods()).containsExactly("validate", "reserve");
    }

    @Test
    void failed_settle_rolls_back_the_transaction_and_answers_internal_error_with_the_request_id() {
        port.settle = draw -> {
            throw new IllegalStateException("database gone");
        };

        Exchange out = spin();

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo(
                new LobbyReply.Error("INTERNAL_ERROR", "internal error; the request had no effect", "r-1"));
        assertThat(port.methods()).containsExactly("validate", "reserve", "draw", "settle");
        assertThat(tx).containsExactly("begin", "rollback");
    }

    @Test
    void failed_draw_rolls_back_the_hold_and_keeps_a_rejection_code() {
        port.draw = reservation -> {
            throw new RejectedException(RejectionCode.UNKNOWN_GAME, "game withdrawn");
        };

        Exchange out = spin();

        assertThat(out.getMessage().getBody()).isEqualTo(new LobbyReply.Error("UNKNOWN_GAME", "game withdrawn", "r-1"));
        assertThat(port.methods()).containsExactly("validate", "reserve", "draw");
        assertThat(tx).containsExactly("begin", "rollback");
    }

    @Test
    void successful_spin_commits_reserve_draw_and_settle_in_one_transaction() {
        spin();

        assertThat(tx).containsExactly("begin", "commit");
    }

    @Test
    void rejection_from_validate_answers_its_code_and_reserves_nothing() {
        port.validate = spin -> {
            throw new RejectedException(RejectionCode.BET_ABOVE_LIMIT, "maximum bet is 100.00");
        };

        Exchange out = spin();

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo(new LobbyReply.Error("BET_ABOVE_LIMIT", "maximum bet is 100.00", "r-1"));
        assertThat(port.methods()).containsExactly("validate");
        assertThat(tx).as("no transaction is opened for a refused request").isEmpty();
    }

    @Test
    void rejection_from_reserve_answers_its_code_and_rolls_back() {
        port.reserve = command -> {
            throw new RejectedException(RejectionCode.INSUFFICIENT_FUNDS);
        };

        Exchange out = spin();

        assertThat(out.getMessage().getBody()).isEqualTo(new LobbyReply.Error("INSUFFICIENT_FUNDS", "insufficient funds", "r-1"));
        assertThat(port.methods()).containsExactly("validate", "reserve");
        assertThat(tx).containsExactly("begin", "rollback");
    }

    @Test
    void settle_receives_the_drawn_reservation() throws Exception {
        AdviceWith.adviceWith(context, "lobby-spin-transaction", a -> a.weaveById("settle").before().to("mock:settle-in"));
        MockEndpoint settleIn = getMockEndpoint("mock:settle-in");
        settleIn.expectedBodiesReceived(DRAW);

        assertThat(spin().getMessage().getBody()).isEqualTo(RESULT);

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void a_failing_draw_node_rolls_back_and_never_reaches_settle() throws Exception {
        AdviceWith.adviceWith(context, "lobby-spin-transaction", a -> {
            a.weaveById("draw").replace().throwException(new IllegalStateException("rng unavailable"));
            a.weaveById("settle").before().to("mock:settle-in");
        });
        MockEndpoint settleIn = getMockEndpoint("mock:settle-in");
        settleIn.expectedMessageCount(0);

        Exchange out = spin();

        MockEndpoint.assertIsSatisfied(context);
        assertThat(out.getMessage().getBody()).isEqualTo(
                new LobbyReply.Error("INTERNAL_ERROR", "internal error; the request had no effect", "r-1"));
        assertThat(port.methods()).containsExactly("validate", "reserve");
        assertThat(tx).containsExactly("begin", "rollback");
    }
}
