package io.hub.routes;

import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import io.hub.contracts.game.SpinOutcome;
import io.hub.contracts.lobby.LobbyFrame;
import io.hub.contracts.lobby.LobbyMessage;
import io.hub.contracts.lobby.LobbyPort;
import io.hub.contracts.lobby.LobbyRejection;
import io.hub.contracts.lobby.LobbyReply;
import io.hub.contracts.lobby.SpinCommand;
import io.hub.contracts.lobby.SpinDraw;
import io.hub.contracts.lobby.SpinReservation;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A hand-written {@link LobbyPort} for route tests: records every call with its argument, in order, and answers
 * with fixed values unless a test replaces a step's behaviour. Frames are "decoded" from a tiny text format
 * ({@code spin:<requestId>}, {@code balance:<requestId>}, {@code reject:<requestId>}) so no JSON is needed.
 */
public final class FakeLobbyPort implements LobbyPort {
    public static final UUID PLAYER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    public static final UUID HOLD = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    public static final UUID ROUND = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    public static final CurrencyUnit EUR = CurrencyUnit.of("EUR");

    /** One call to the port: the method name and its argument. */
    public record Call(String method, Object argument) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();

    public Function<LobbyMessage.Spin, SpinCommand> validate =
            spin -> new SpinCommand(spin.playerId(), spin.gameId(), Money.parse(spin.bet(), EUR), spin.requestId());
    public Function<SpinCommand, Object> reserve = command -> new SpinReservation(command, HOLD, ROUND);
    public Function<SpinReservation, SpinDraw> draw = reservation -> new SpinDraw(reservation, outcome());
    public Function<SpinDraw, LobbyReply.SpinResult> settle = FakeLobbyPort::result;

    public static SpinOutcome outcome() {
        return new SpinOutcome(List.of(1, 2, 3), List.of(List.of("7"), List.of("7"), List.of("7")), 300,
                List.of(new SpinOutcome.Win("7 x3 on line 1", 2, 300)));
    }

    public static LobbyReply.SpinResult result(SpinDraw draw) {
        SpinCommand c = draw.reservation().command();
        return new LobbyReply.SpinResult(c.requestId(), draw.reservation().roundId().toString(), c.gameId(),
                draw.outcome().window(), c.bet().toDecimalString(), "3.00", "102.50", "EUR", 7);
    }

    public List<String> methods() {
        return calls.stream().map(Call::method).toList();
    }

    public Object argumentOf(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).map(Call::argument).findFirst()
                .orElseThrow(() -> new AssertionError(method + " was not called; calls: " + methods()));
    }

    @Override
    public LobbyMessage decode(LobbyFrame frame) {
        calls.add(new Call("decode", frame));
        String[] parts = frame.text().split(":", 2);
        String requestId = parts.length > 1 ? parts[1] : null;
        return switch (parts[0]) {
            case "spin" -> new LobbyMessage.Spin(frame.playerId(), frame.clientAddress(), requestId, "red-white-blue", "1.50");
            case "balance" -> new LobbyMessage.Balance(frame.playerId(), requestId);
            case "reject" -> throw new LobbyRejection(RejectionCode.UNKNOWN_ACTION, "unknown action", requestId);
            default -> throw new RejectedException(RejectionCode.INVALID_MESSAGE, "not a JSON object");
        };
    }

    @Override
    public SpinCommand validate(LobbyMessage.Spin spin) {
        calls.add(new Call("validate", spin));
        return validate.apply(spin);
    }

    @Override
    public Object reserve(SpinCommand command) {
        calls.add(new Call("reserve", command));
        return reserve.apply(command);
    }

    @Override
    public SpinDraw draw(SpinReservation reservation) {
        calls.add(new Call("draw", reservation));
        return draw.apply(reservation);
    }

    @Override
    public LobbyReply.SpinResult settle(SpinDraw draw) {
        calls.add(new Call("settle", draw));
        return settle.apply(draw);
    }

    @Override
    public LobbyReply.Balance balance(LobbyMessage.Balance request) {
        calls.add(new Call("balance", request));
        return new LobbyReply.Balance(request.requestId(), "102.50", "EUR", 7);
    }

    @Override
    public String encode(LobbyReply reply) {
        calls.add(new Call("encode", reply));
        throw new UnsupportedOperationException("the routes never encode; the WebSocket handler does");
    }
}
