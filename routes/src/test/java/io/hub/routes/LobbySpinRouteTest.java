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
    void failed_settle_releases_the_hold_and_answers_internal_error_with_the_request_id() {
        port.settle = draw -> {
            throw new IllegalStateException("database gone");
        };

        Exchange out = spin();

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo(
                new LobbyReply.Error("INTERNAL_ERROR", "internal error; the request had no effect", "r-1"));
        assertThat(port.methods()).containsExactly("validate", "reserve", "draw", "settle", "release");
        assertThat(port.argumentOf("release")).isEqualTo(RESERVATION);
    }

    @Test
    void failed_draw_releases_the_hold_and_keeps_a_rejection_code() {
        port.draw = reservation -> {
            throw new RejectedException(RejectionCode.UNKNOWN_GAME, "game withdrawn");
        };

        Exchange out = spin();

        assertThat(out.getMessage().getBody()).isEqualTo(new LobbyReply.Error("UNKNOWN_GAME", "game withdrawn", "r-1"));
        assertThat(port.methods()).containsExactly("validate", "reserve", "draw", "release");
        assertThat(port.argumentOf("release")).isEqualTo(RESERVATION);
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
    }

    @Test
    void rejection_from_reserve_answers_its_code_without_a_release() {
        port.reserve = command -> {
            throw new RejectedException(RejectionCode.INSUFFICIENT_FUNDS);
        };

        Exchange out = spin();

        assertThat(out.getMessage().getBody()).isEqualTo(new LobbyReply.Error("INSUFFICIENT_FUNDS", "insufficient funds", "r-1"));
        assertThat(port.methods()).containsExactly("validate", "reserve");
    }

    @Test
    void settle_receives_the_drawn_reservation_and_release_is_not_reached_on_success() throws Exception {
        AdviceWith.adviceWith(context, "lobby-spin", a -> {
            a.weaveById("settle").before().to("mock:settle-in");
            a.weaveById("release").before().to("mock:release-in");
        });
        MockEndpoint settleIn = getMockEndpoint("mock:settle-in");
        settleIn.expectedBodiesReceived(DRAW);
        settleIn.expectedPropertyReceived(LobbySpinRoute.RESERVATION, RESERVATION);
        MockEndpoint releaseIn = getMockEndpoint("mock:release-in");
        releaseIn.expectedMessageCount(0);

        assertThat(spin().getMessage().getBody()).isEqualTo(RESULT);

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void a_failing_draw_node_reaches_release_with_the_reservation_property() throws Exception {
        AdviceWith.adviceWith(context, "lobby-spin", a -> {
            a.weaveById("draw").replace().throwException(new IllegalStateException("rng unavailable"));
            a.weaveById("release").before().to("mock:release-in");
        });
        MockEndpoint releaseIn = getMockEndpoint("mock:release-in");
        releaseIn.expectedMessageCount(1);
        releaseIn.expectedPropertyReceived(LobbySpinRoute.RESERVATION, RESERVATION);

        Exchange out = spin();

        MockEndpoint.assertIsSatisfied(context);
        assertThat(out.getMessage().getBody()).isEqualTo(
                new LobbyReply.Error("INTERNAL_ERROR", "internal error; the request had no effect", "r-1"));
        assertThat(port.methods()).containsExactly("validate", "reserve", "release");
    }
}
