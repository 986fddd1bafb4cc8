package io.hub.games.slot;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A slot game as data: the parsed, validated form of a {@code hub-slot/1} JSON definition
 * (see {@link SlotDefinitionReader} for the file format). Immutable; it holds no RNG and no money.
 *
 * <p>Shapes: {@code reels.size()} reels (columns) of symbol names; the window shows {@code rows} symbols per
 * reel, a reel stopped at index {@code s} showing {@code strip[s], strip[s+1], ... strip[s+rows-1]} (wrapping),
 * top row first. {@code paylines} give one row index (0 = top) per reel.
 *
 * @param gameId      kebab-case id, e.g. {@code "red-white-blue"}
 * @param name        display name
 * @param type        {@code "slot"}
 * @param source      where the math comes from (free text, for auditors)
 * @param rows        visible rows per reel, at least 1
 * @param symbols     every symbol name, in a stable order (ids are indices into this list)
 * @param groups      group name (e.g. {@code "any bar"}) to member symbols
 * @param reels       one strip per reel
 * @param stopWeights per reel, one positive weight per stop; empty when every stop is equally likely
 * @param bet         how a total bet is split into units (coins or lines)
 * @param paylines    row index per reel for each payline, in line order (line 1 first)
 * @param paytable    line pays; on each line only the highest matching entry is paid
 * @param wild        the wild symbol, if any
 * @param scatters    scatter pays (x total bet, counted over the whole window)
 * @param freeSpins   the free-spin feature, if any
 * @param winCap      the largest total payout of one round as a multiple of the total bet, if capped
 * @param volatility  declared volatility ({@code low/medium/high}) used when the game is too large to
 *                    enumerate at load time; empty to compute it
 * @param multipliers multiplier symbols that scale line wins, if any
 */
public record SlotDefinition(
        String gameId,
        String name,
        String type,
        String source,
        int rows,
        List<String> symbols,
        Map<String, List<String>> groups,
        List<List<String>> reels,
        List<List<Long>> stopWeights,
        Bet bet,
        List<List<Integer>> paylines,
        List<PayEntry> paytable,
        Optional<Wild> wild,
        List<Scatter> scatters,
        Optional<FreeSpins> freeSpins,
        Optional<Long> winCap,
        Optional<String> volatility,
        Optional<Multipliers> multipliers) {

    public SlotDefinition {
        symbols = List.copyOf(symbols);
        groups = Map.copyOf(groups);
        reels = reels.stream().map(List::copyOf).toList();
        stopWeights = stopWeights.stream().map(List::copyOf).toList();
        paylines = paylines.stream().map(List::copyOf).toList();
        paytable = List.copyOf(paytable);
        scatters = List.copyOf(scatters);
    }

    /** How the total bet is divided. */
    public enum BetMode {
        /**
         * The bet buys {@code coins} coins of equal value; pays are per coin count (e.g. 3 coins pay more than
         * 3 x 1 coin). Payout = coin value x pay for that coin count.
         */
        COINS,
        /** The bet is spread evenly over all paylines; line pays are x line bet, scatter pays x total bet. */
        LINES
    }

    /**
     * @param mode       coins or lines
     * @param lobbyCoins coins played when the hub calls {@code play(rng, bet)} (COINS mode; 1 for LINES)
     * @param maxCoins   the largest coin count with pays (COINS mode; 1 for LINES)
     */
    public record Bet(BetMode mode, int lobbyCoins, int maxCoins) {
    }

    /**
     * One line pay.
     *
     * @param name    e.g. {@code "any bar, any bar, any bar"}
     * @param pattern one symbol or group name per reel, starting at reel 1 (left-aligned); may be shorter than
     *                the number of reels (n-of-a-kind)
     * @param pays    pay per coin count (key 1..maxCoins; LINES mode: key 1 only), in units of the coin value or
     *                line bet: the total paid for that many coins
     */
    public record PayEntry(String name, List<String> pattern, Map<Integer, Long> pays) {
        public PayEntry {
            pattern = List.copyOf(pattern);
            pays = Map.copyOf(pays);
        }
    }

    /**
     * @param symbols the wild symbols (one or more; e.g. {@code "Wild x2"} and {@code "Wild x3"}); each substitutes
     *                on its own, so a line may mix them
     * @param except  symbols they do not substitute for (e.g. the scatter); a wild matches a pattern position when
     *                that position accepts at least one symbol other than the wilds and these
     */
    public record Wild(List<String> symbols, List<String> except) {
        public Wild {
            symbols = List.copyOf(symbols);
            except = List.copyOf(except);
            if (symbols.isEmpty()) throw new IllegalArgumentException("a wild needs at least one symbol");
        }

        /** One wild symbol. */
        public Wild(String symbol, List<String> except) {
            this(List.of(symbol), except);
        }

        /** The first (for most games the only) wild symbol. */
        public String symbol() {
            return symbols.get(0);
        }
    }

    /** How the multipliers of several multiplier symbols on one winning line combine. */
    public enum Combine {
        /** The product: x2 and x3 on a line make x6 (two x2 make x4). */
        MULTIPLY,
        /** The sum: x2 and x3 on a line make x5 (two x2 make x4). */
        ADD
    }

    /**
     * Multiplier symbols. A line win is multiplied by the combination ({@link Combine}) of the multipliers of the
     * multiplier symbols standing in the positions its paytable entry covers (reel 1 up to the pattern's length);
     * with none there, by 1. A multiplier symbol takes part in a win only where it matches the pattern: as a wild,
     * as a member of a group, or by name. The line pays its highest entry <em>after</em> multipliers. Scatter pays
     * are not multiplied; the free-spin multiplier applies on top.
     *
     * @param bySymbol symbol name to its multiplier (at least 1)
     * @param combine  product or sum
     */
    public record Multipliers(Map<String, Integer> bySymbol, Combine combine) {
        public Multipliers {
            bySymbol = Map.copyOf(bySymbol);
        }
    }

    /**
     * @param symbol     the scatter symbol, counted anywhere in the window
     * @param payByCount count to multiple of the total bet; a count above the largest key pays the largest key
     */
    public record Scatter(String symbol, Map<Integer, Long> payByCount) {
        public Scatter {
            payByCount = Map.copyOf(payByCount);
        }
    }

    /**
     * Free spins, played on the same reels and bet as part of the triggering round.
     *
     * @param symbol         the trigger symbol, counted anywhere in the window
     * @param minCount       the count that triggers (and retriggers)
     * @param spins          spins awarded per (re)trigger
     * @param multiplier     every win during free spins (line and scatter) is multiplied by this
     * @param retrigger      whether a trigger during free spins adds {@code spins} more
     */
    public record FreeSpins(String symbol, int minCount, int spins, int multiplier, boolean retrigger) {
    }
}
