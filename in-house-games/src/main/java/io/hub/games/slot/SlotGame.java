package io.hub.games.slot;

import io.hub.contracts.game.GameDescriptor;
import io.hub.contracts.game.InHouseGame;
import io.hub.contracts.game.RandomSource;
import io.hub.contracts.game.SpinOutcome;
import io.hub.games.GameMath;
import io.hub.games.math.ParSheet;
import io.hub.games.math.PayTableMath;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A data-driven slot ({@link SlotDefinition}) as an {@link InHouseGame}. Stateless and thread-safe.
 *
 * <p><b>Bets.</b> The total bet {@code betMinor} (minor units) is split into units: {@code coins} equal coins
 * (COINS mode; the hub's {@link #play(RandomSource, long)} plays {@code bet.lobbyCoins} coins, 1 for Red White &
 * Blue, so the whole bet is one coin) or one unit per payline (LINES mode). The bet must be a positive multiple
 * of the unit count ({@link #checkBet(long, int)}). Payout = unit value x pay (integers, {@link Math#multiplyExact}),
 * scatter pays x total bet, free-spin wins x the feature multiplier; never rounded.
 *
 * <p><b>Outcome.</b> {@link SpinOutcome#stops()} one drawn stop per reel of the base spin;
 * {@link SpinOutcome#window()} one list per reel, top row first; {@link SpinOutcome#wins()} each paying
 * combination with its multiplier x unit value (coin value or line bet). Free spins are played inside the same
 * call; {@link #playRound} returns them in detail. A round plays at most {@link #MAX_FREE_SPINS_PER_ROUND} free
 * spins.
 *
 * <p><b>Descriptor and {@link #math()}.</b> RTP at the lobby coin count from {@link PayTableMath} (exact),
 * rounded HALF_EVEN to 4 places in the descriptor. Volatility from the standard deviation (SD) of one round's win
 * in units of the total bet ({@link GameMath#volatilityOf}: {@code low} when SD &lt; {@value #LOW_BELOW},
 * {@code medium} when SD &lt; {@value #MEDIUM_BELOW}, else {@code high}). The SD and the hit frequency come from a
 * full enumeration when the game has at most {@value #ENUMERATE_AT_LOAD} stop combinations (Atkins Diet's 32^5 takes
 * about a second on 2 cores); larger games must declare {@code volatility} in their definition.
 */
public final class SlotGame implements InHouseGame {
    public static final int MAX_FREE_SPINS_PER_ROUND = 100_000;
    /** SD per round (x total bet) below which a game is "low" volatility. */
    public static final int LOW_BELOW = GameMath.LOW_BELOW;
    /** SD per round (x total bet) below which a game is "medium" volatility; at or above it is "high". */
    public static final int MEDIUM_BELOW = GameMath.MEDIUM_BELOW;
    /** Largest stop-combination count enumerated when a game is loaded. */
    public static final long ENUMERATE_AT_LOAD = 50_000_000L;

    private final SlotEngine engine;
    private final SlotDefinition def;
    private final ParSheet lobbySheet;
    private final GameDescriptor descriptor;
    private final GameMath math;

    /**
     * Compiles the definition and computes its figures.
     *
     * @throws GameDefinitionException when the definition cannot be played or its math cannot be established
     */
    public SlotGame(SlotDefinition definition) {
        this.def = Objects.requireNonNull(definition, "definition");
        this.engine = new SlotEngine(definition);
        long combos = 1;
        for (int r = 0; r < engine.reelCount(); r++) combos = Math.multiplyExact(combos, engine.stopCount(r));
        int coins = def.bet().lobbyCoins();
        try {
            if (combos <= ENUMERATE_AT_LOAD) {
                lobbySheet = PayTableMath.enumerate(engine, coins);
            } else {
                lobbySheet = PayTableMath.analyze(engine, coins);
            }
        } catch (ArithmeticException | UnsupportedOperationException e) {
            throw new GameDefinitionException("game '" + def.gameId() + "': math cannot be established: " + e.getMessage(), e);
        }
        Optional<String> computed = lobbySheet.enumeration().map(e -> volatilityOf(e.standardDeviation()));
        String volatility = computed
                .or(def::volatility)
                .orElseThrow(() -> new GameDefinitionException("game '" + def.gameId()
                        + "': too large to enumerate at load; declare \"volatility\" in the definition"));
        this.math = new GameMath(def.gameId(), coins, lobbySheet.totalReturn(),
                lobbySheet.enumeration().map(ParSheet.Enumeration::hitFrequency),
                lobbySheet.enumeration().map(ParSheet.Enumeration::variance), volatility, computed.isEmpty());
        this.descriptor = new GameDescriptor(def.gameId(), def.name(), def.type(), lobbySheet.rtp(4), volatility,
                engine.reelCount(), engine.rows());
    }

    /** {@code low}/{@code medium}/{@code high} for a standard deviation per round in units of the total bet. */
    public static String volatilityOf(BigDecimal standardDeviation) {
        return GameMath.volatilityOf(standardDeviation);
    }

    /** The exact figures the lobby shows (RTP, hit frequency, SD, volatility class), computed at load. */
    public GameMath math() {
        return math;
    }

    @Override
    public GameDescriptor descriptor() {
        return descriptor;
    }

    public SlotDefinition definition() {
        return def;
    }

    public SlotEngine engine() {
        return engine;
    }

    /** Exact figures at the lobby coin count (enumeration part present for small games). */
    public ParSheet lobbyParSheet() {
        return lobbySheet;
    }

    /** Coins played by {@link #play(RandomSource, long)}. */
    public int lobbyCoins() {
        return def.bet().lobbyCoins();
    }

    /** Largest coin count with pays (1 for line games). */
    public int maxCoins() {
        return def.bet().maxCoins();
    }

    /** Units the total bet is split into at the lobby coin count (1 for RWB, 20 for a 20-line game). */
    public int betUnits() {
        return engine.units(lobbyCoins());
    }

    @Override
    public Optional<String> checkBet(long betMinor) {
        return checkBet(betMinor, lobbyCoins());
    }

    /**
     * @param betMinor total bet in minor units
     * @param coins    coins to play (1..maxCoins; line games: 1)
     * @return why the bet cannot be played, or empty
     */
    public Optional<String> checkBet(long betMinor, int coins) {
        if (coins < 1 || coins > def.bet().maxCoins()) return Optional.of("coins must be between 1 and " + def.bet().maxCoins());
        if (betMinor <= 0) return Optional.of("bet must be positive");
        int units = engine.units(coins);
        if (betMinor % units != 0) {
            return Optional.of(def.bet().mode() == SlotDefinition.BetMode.LINES
                    ? "bet must be a multiple of " + units + " minor units (one per line)"
                    : "bet must be a multiple of " + units + " minor units (one per coin)");
        }
        return Optional.empty();
    }

    /** Plays the lobby coin count. @throws IllegalArgumentException for a bet {@link #checkBet(long)} refuses */
    @Override
    public SpinOutcome play(RandomSource rng, long betMinor) {
        return play(rng, betMinor, lobbyCoins());
    }

    /**
     * Plays {@code coins} coins of value {@code betMinor / coins} each.
     *
     * @throws IllegalArgumentException for a bet or coin count {@link #checkBet(long, int)} refuses
     * @throws ArithmeticException      if a payout would overflow a {@code long}
     */
    public SpinOutcome play(RandomSource rng, long betMinor, int coins) {
        return playRound(rng, betMinor, coins).toOutcome();
    }

    /** Like {@link #play(RandomSource, long, int)} with every free spin in detail. */
    public SlotRound playRound(RandomSource rng, long betMinor, int coins) {
        Objects.requireNonNull(rng, "rng");
        return round(spinIndex -> engine.drawStops(rng), betMinor, coins);
    }

    /**
     * Replays a stored round for an audit: re-evaluates the given stops of every spin (index 0 = the paid spin,
     * 1.. = free spins) through the same code that paid them, with the feature multiplier and the win cap. The
     * stops must describe a complete round: exactly as many free spins as the paid spin and any retriggers award.
     *
     * @param spinStops one list of stops (one per reel) per spin, in play order
     * @throws IllegalArgumentException for a refused bet, stops out of range, or a spin count that does not
     *                                  match the round's triggers (e.g. free spins left out or added)
     */
    public SlotRound replayRound(List<List<Integer>> spinStops, long betMinor, int coins) {
        Objects.requireNonNull(spinStops, "spinStops");
        if (spinStops.isEmpty()) throw new IllegalArgumentException("a round has at least the paid spin");
        SlotRound round = round(spinIndex -> {
            if (spinIndex >= spinStops.size()) {
                throw new IllegalArgumentException("the round triggers more free spins than the " + (spinStops.size() - 1) + " stored");
            }
            List<Integer> st = spinStops.get(spinIndex);
            if (st == null || st.size() != engine.reelCount()) {
                throw new IllegalArgumentException("spin " + spinIndex + ": expected " + engine.reelCount() + " stops");
            }
            return st.stream().mapToInt(Integer::intValue).toArray();
        }, betMinor, coins);
        int played = 1 + round.freeSpins().size();
        if (played != spinStops.size()) {
            throw new IllegalArgumentException("the round plays " + played + " spins but " + spinStops.size() + " are stored");
        }
        return round;
    }

    /** Stops for spin {@code spinIndex} of a round (0 = the paid spin). */
    private interface StopSource {
        int[] stops(int spinIndex);
    }

    private SlotRound round(StopSource source, long betMinor, int coins) {
        checkBet(betMinor, coins).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        int units = engine.units(coins);
        long unit = betMinor / units;
        List<SpinOutcome.Win> wins = new ArrayList<>();
        SlotEngine.Evaluation base = engine.evaluate(source.stops(0), coins);
        List<SpinOutcome.Win> baseWins = new ArrayList<>();
        long total = collect(base, unit, units, coins, 1, "", baseWins);
        wins.addAll(baseWins);
        SlotRound.Spin baseSpin = spin(base, unit, units, 1, baseWins);
        List<SlotRound.Spin> free = new ArrayList<>();
        if (base.triggersFreeSpins()) {
            SlotDefinition.FreeSpins fs = def.freeSpins().orElseThrow();
            int remaining = fs.spins();
            int n = 0;
            while (remaining > 0 && n < MAX_FREE_SPINS_PER_ROUND) {
                remaining--;
                n++;
                SlotEngine.Evaluation e = engine.evaluate(source.stops(n), coins);
                List<SpinOutcome.Win> spinWins = new ArrayList<>();
                total = Math.addExact(total, collect(e, unit, units, coins, fs.multiplier(), "free spin " + n + ": ", spinWins));
                wins.addAll(spinWins);
                free.add(spin(e, unit, units, fs.multiplier(), spinWins));
                if (fs.retrigger() && e.triggersFreeSpins()) remaining += fs.spins();
            }
        }
        boolean capped = false;
        if (def.winCap().isPresent()) {
            long cap = Math.multiplyExact(def.winCap().get(), betMinor);
            if (total > cap) {
                total = cap;
                capped = true;
            }
        }
        return new SlotRound(coins, unit, baseSpin, free, wins, total, capped);
    }

    /**
     * Evaluates given base-game stops without drawing (replay, tests). Free spins are not played: a trigger
     * shows only as the scatter win.
     *
     * @param stops one stop per reel
     * @throws IllegalArgumentException for a refused bet or stops out of range
     */
    public SpinOutcome evaluate(List<Integer> stops, long betMinor, int coins) {
        checkBet(betMinor, coins).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        int units = engine.units(coins);
        long unit = betMinor / units;
        SlotEngine.Evaluation e = engine.evaluate(stops.stream().mapToInt(Integer::intValue).toArray(), coins);
        List<SpinOutcome.Win> wins = new ArrayList<>();
        long total = collect(e, unit, units, coins, 1, "", wins);
        if (def.winCap().isPresent()) total = Math.min(total, Math.multiplyExact(def.winCap().get(), betMinor));
        return new SpinOutcome(stops, engine.names(e.window()), total, wins);
    }

    /**
     * The pay of one line of symbols (names, reel 1 first) at {@code coins} coins, in units (coin value or line
     * bet), with the name of the paying entry; empty when it pays nothing. Only the highest entry counts.
     */
    public Optional<LinePay> linePay(List<String> lineSymbols, int coins) {
        if (lineSymbols.size() != engine.reelCount()) throw new IllegalArgumentException("one symbol per reel expected");
        if (coins < 1 || coins > maxCoins()) throw new IllegalArgumentException("coins must be between 1 and " + maxCoins());
        int[] ids = new int[lineSymbols.size()];
        for (int i = 0; i < ids.length; i++) {
            int id = def.symbols().indexOf(lineSymbols.get(i));
            if (id < 0) throw new IllegalArgumentException("unknown symbol " + lineSymbols.get(i));
            ids[i] = id;
        }
        int e = engine.bestEntry(ids, coins);
        return e < 0 ? Optional.empty() : Optional.of(new LinePay(engine.entryName(e), engine.linePay(ids, e, coins)));
    }

    /**
     * @param entry the paytable entry's name
     * @param pays  pay in units for the coin count asked (symbol multipliers applied)
     */
    public record LinePay(String entry, long pays) {
    }

    private long collect(SlotEngine.Evaluation e, long unit, int units, int coins, int multiplier, String prefix, List<SpinOutcome.Win> wins) {
        long total = 0;
        for (SlotEngine.LineWin w : e.lineWins()) {
            long mult = Math.multiplyExact(w.pay(), (long) multiplier);
            long amount = Math.multiplyExact(unit, mult);
            String text = prefix + engine.entryName(w.entry()) + " on line " + (w.line() + 1)
                    + (def.bet().mode() == SlotDefinition.BetMode.COINS && coins > 1 ? " (" + coins + " coins)" : "")
                    + (w.symbolMultiplier() > 1 ? " with symbol multiplier x" + w.symbolMultiplier() : "")
                    + (multiplier > 1 ? " x" + multiplier : "");
            wins.add(new SpinOutcome.Win(text, mult, amount));
            total = Math.addExact(total, amount);
        }
        for (SlotEngine.ScatterWin w : e.scatterWins()) {
            long mult = Math.multiplyExact(Math.multiplyExact(w.pay(), (long) units), multiplier);
            long amount = Math.multiplyExact(unit, mult);
            String symbol = def.scatters().get(w.scatter()).symbol();
            String text = prefix + w.count() + " x " + symbol + " scatter pays " + w.pay() + " x total bet" + (multiplier > 1 ? " x" + multiplier : "");
            wins.add(new SpinOutcome.Win(text, mult, amount));
            total = Math.addExact(total, amount);
        }
        return total;
    }

    private SlotRound.Spin spin(SlotEngine.Evaluation e, long unit, int units, int multiplier, List<SpinOutcome.Win> spinWins) {
        long win = Math.multiplyExact(Math.multiplyExact(e.totalUnits(units), unit), multiplier);
        return new SlotRound.Spin(Arrays.stream(e.stops()).boxed().toList(), engine.names(e.window()), win, e.triggersFreeSpins(),
                multiplier, spinWins);
    }

    @Override
    public String toString() {
        return "SlotGame[" + def.gameId() + ", rtp=" + descriptor.rtp().setScale(4, RoundingMode.HALF_EVEN) + "]";
    }
}
