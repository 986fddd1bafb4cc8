package io.hub.games.slot;

import io.hub.contracts.game.RandomSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled, index-based form of a {@link SlotDefinition}: symbol ids, strips, pattern bit masks and pay
 * arrays. Both play ({@link SlotGame}) and exact math ({@code io.hub.games.math.PayTableMath}) evaluate through
 * this one class, so the certified figures describe the code that pays.
 *
 * <p>Units: every pay here is an integer count of <em>units</em>: the coin value (COINS mode) or the line bet
 * (LINES mode). A scatter pay (x total bet) is converted to units by multiplying with {@link #units(int)}.
 * Thread-safe and immutable after construction.
 */
public final class SlotEngine {
    /** Largest {@code symbols^reels} for which a full line-pay lookup table is built. */
    public static final long MAX_LINE_TABLE = 50_000_000L;

    private final SlotDefinition def;
    private final int nReels;
    private final int rows;
    private final int nSym;
    private final int[][] strips;
    private final long[][] cumulativeWeights; // null row = uniform
    private final int[][] lines;
    private final long[][] masks;          // [entry][position]
    private final boolean[][] wildMatches; // [entry][position]
    private final long[][] pays;           // [entry][coins]
    private final boolean[] isWild;        // [symbol]
    private final int[] symbolMultiplier;  // [symbol], 0 = not a multiplier symbol
    private final boolean addMultipliers;
    private final boolean hasMultipliers;
    private final int[] scatterSymbols;
    private final long[][] scatterPays;    // [scatter][count] x total bet, count 0..reels*rows
    private final int freeSpinSymbol;
    private final Map<String, Integer> ids = new HashMap<>();

    /** @throws GameDefinitionException when the definition is internally inconsistent */
    public SlotEngine(SlotDefinition def) {
        this.def = def;
        this.nReels = def.reels().size();
        this.rows = def.rows();
        this.nSym = def.symbols().size();
        for (int i = 0; i < nSym; i++) ids.put(def.symbols().get(i), i);
        strips = new int[nReels][];
        cumulativeWeights = new long[nReels][];
        for (int r = 0; r < nReels; r++) {
            List<String> strip = def.reels().get(r);
            strips[r] = strip.stream().mapToInt(this::id).toArray();
            if (!def.stopWeights().isEmpty()) {
                List<Long> w = def.stopWeights().get(r);
                long[] cum = new long[w.size()];
                long acc = 0;
                for (int s = 0; s < w.size(); s++) cum[s] = acc += w.get(s);
                cumulativeWeights[r] = cum;
            }
        }
        lines = def.paylines().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        isWild = new boolean[nSym];
        long substitutable = 0;
        if (def.wild().isPresent()) {
            substitutable = (1L << nSym) - 1;
            for (String w : def.wild().get().symbols()) {
                isWild[id(w)] = true;
                substitutable &= ~(1L << id(w));
            }
            for (String x : def.wild().get().except()) substitutable &= ~(1L << id(x));
        }
        symbolMultiplier = new int[nSym];
        def.multipliers().ifPresent(m -> m.bySymbol().forEach((sym, x) -> symbolMultiplier[id(sym)] = x));
        hasMultipliers = def.multipliers().isPresent();
        addMultipliers = def.multipliers().map(m -> m.combine() == SlotDefinition.Combine.ADD).orElse(false);
        int nEntries = def.paytable().size();
        masks = new long[nEntries][];
        wildMatches = new boolean[nEntries][];
        pays = new long[nEntries][def.bet().maxCoins() + 1];
        for (int e = 0; e < nEntries; e++) {
            SlotDefinition.PayEntry entry = def.paytable().get(e);
            int len = entry.pattern().size();
            masks[e] = new long[len];
            wildMatches[e] = new boolean[len];
            for (int p = 0; p < len; p++) {
                String name = entry.pattern().get(p);
                long m = 0;
                List<String> members = def.groups().get(name);
                if (members != null) for (String s : members) m |= 1L << id(s);
                else m = 1L << id(name);
                masks[e][p] = m;
                wildMatches[e][p] = (m & substitutable) != 0;
            }
            for (int c = 1; c <= def.bet().maxCoins(); c++) pays[e][c] = entry.pays().get(c);
        }
        int maxCount = nReels * rows;
        scatterSymbols = new int[def.scatters().size()];
        scatterPays = new long[def.scatters().size()][maxCount + 1];
        for (int i = 0; i < scatterSymbols.length; i++) {
            SlotDefinition.Scatter sc = def.scatters().get(i);
            scatterSymbols[i] = id(sc.symbol());
            long current = 0;
            for (int k = 0; k <= maxCount; k++) {
                Long p = sc.payByCount().get(k);
                if (p != null) current = p; // counts between or above keys pay the highest key below them
                scatterPays[i][k] = current;
            }
        }
        freeSpinSymbol = def.freeSpins().map(f -> id(f.symbol())).orElse(-1);
    }

    private int id(String symbol) {
        Integer i = ids.get(symbol);
        if (i == null) throw new GameDefinitionException("game '" + def.gameId() + "': unknown symbol " + symbol);
        return i;
    }

    public SlotDefinition definition() {
        return def;
    }

    public int reelCount() {
        return nReels;
    }

    public int rows() {
        return rows;
    }

    public int symbolCount() {
        return nSym;
    }

    public int lineCount() {
        return lines.length;
    }

    /** Row index on reel {@code reel} of payline {@code line} (0-based). */
    public int lineRow(int line, int reel) {
        return lines[line][reel];
    }

    public int stopCount(int reel) {
        return strips[reel].length;
    }

    /** Weight of a stop (1 when stops are equally likely). */
    public long stopWeight(int reel, int stop) {
        long[] cum = cumulativeWeights[reel];
        if (cum == null) return 1;
        return stop == 0 ? cum[0] : cum[stop] - cum[stop - 1];
    }

    /** Sum of the stop weights of a reel. */
    public long totalWeight(int reel) {
        long[] cum = cumulativeWeights[reel];
        return cum == null ? strips[reel].length : cum[cum.length - 1];
    }

    /** Symbol id shown on {@code reel} at {@code row} when the reel stops at {@code stop}. */
    public int symbolAt(int reel, int stop, int row) {
        int[] strip = strips[reel];
        return strip[(stop + row) % strip.length];
    }

    public String symbolName(int id) {
        return def.symbols().get(id);
    }

    /** Units the total bet is split into: the coin count (COINS) or the number of paylines (LINES). */
    public int units(int coins) {
        return def.bet().mode() == SlotDefinition.BetMode.COINS ? coins : lines.length;
    }

    /** Scatter symbol ids, in definition order. */
    public int[] scatterSymbols() {
        return scatterSymbols.clone();
    }

    /** Pay (x total bet) of scatter {@code i} for {@code count} symbols in the window. */
    public long scatterPay(int i, int count) {
        return scatterPays[i][Math.min(count, scatterPays[i].length - 1)];
    }

    /** The free-spin trigger symbol id, or -1. */
    public int freeSpinSymbol() {
        return freeSpinSymbol;
    }

    /** Draws one stop per reel: uniform {@code nextInt(stops)}, or weighted via {@code nextInt(totalWeight)}. */
    public int[] drawStops(RandomSource rng) {
        int[] stops = new int[nReels];
        for (int r = 0; r < nReels; r++) {
            long[] cum = cumulativeWeights[r];
            if (cum == null) {
                stops[r] = rng.nextInt(strips[r].length);
            } else {
                long x = rng.nextInt((int) cum[cum.length - 1]);
                int lo = 0, hi = cum.length - 1;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (cum[mid] > x) hi = mid; else lo = mid + 1;
                }
                stops[r] = lo;
            }
            if (stops[r] < 0 || stops[r] >= strips[r].length) throw new IllegalStateException("random source out of range");
        }
        return stops;
    }

    /**
     * The highest-paying paytable entry for one line of symbol ids (left-aligned match, wild substitution,
     * multiplier symbols applied), or -1 when the line pays nothing. Ties go to the earlier entry.
     */
    public int bestEntry(int[] lineSymbols, int coins) {
        int best = -1;
        long bestPay = 0;
        for (int e = 0; e < masks.length; e++) {
            long[] m = masks[e];
            boolean ok = true;
            for (int p = 0; p < m.length && ok; p++) {
                int s = lineSymbols[p];
                ok = (m[p] & (1L << s)) != 0 || (isWild[s] && wildMatches[e][p]);
            }
            if (!ok) continue;
            long pay = hasMultipliers ? Math.multiplyExact(pays[e][coins], multiplierOf(lineSymbols, m.length)) : pays[e][coins];
            if (pay > bestPay) {
                best = e;
                bestPay = pay;
            }
        }
        return best;
    }

    /**
     * The combined multiplier of the multiplier symbols among the first {@code length} symbols of a line (1 when
     * there are none): their product or their sum, as the definition says.
     */
    public long multiplierOf(int[] lineSymbols, int length) {
        long product = 1, sum = 0;
        boolean any = false;
        for (int p = 0; p < length; p++) {
            int x = symbolMultiplier[lineSymbols[p]];
            if (x == 0) continue;
            any = true;
            product = Math.multiplyExact(product, x);
            sum += x;
        }
        if (!any) return 1;
        return addMultipliers ? sum : product;
    }

    /** Length of entry {@code entry}'s pattern (reels it covers from reel 1). */
    public int entryLength(int entry) {
        return masks[entry].length;
    }

    /** Pay in units of a line whose best entry is {@code entry}: the entry's pay times the line's multipliers. */
    public long linePay(int[] lineSymbols, int entry, int coins) {
        return hasMultipliers ? Math.multiplyExact(pays[entry][coins], multiplierOf(lineSymbols, masks[entry].length)) : pays[entry][coins];
    }

    /** Pay of entry {@code entry} for {@code coins} coins, in units. */
    public long entryPay(int entry, int coins) {
        return pays[entry][coins];
    }

    public String entryName(int entry) {
        return def.paytable().get(entry).name();
    }

    /**
     * Line pay (in units) for every symbol tuple: index {@code sum(symbol[r] * symbols^r)}.
     *
     * @throws UnsupportedOperationException when {@code symbols^reels} exceeds {@link #MAX_LINE_TABLE}
     */
    public long[] lineTable(int coins) {
        long size = 1;
        for (int r = 0; r < nReels; r++) {
            size *= nSym;
            if (size > MAX_LINE_TABLE) throw new UnsupportedOperationException("line table too large for " + def.gameId());
        }
        long[] table = new long[(int) size];
        int[] tuple = new int[nReels];
        for (int idx = 0; idx < size; idx++) {
            int rest = idx;
            for (int r = 0; r < nReels; r++) {
                tuple[r] = rest % nSym;
                rest /= nSym;
            }
            int e = bestEntry(tuple, coins);
            table[idx] = e < 0 ? 0 : linePay(tuple, e, coins);
        }
        return table;
    }

    /**
     * Evaluates one window (base game or one free spin, before any feature multiplier).
     *
     * @param stops one stop per reel
     * @param coins coin count (1 in LINES mode)
     */
    public Evaluation evaluate(int[] stops, int coins) {
        if (stops.length != nReels) throw new IllegalArgumentException("expected " + nReels + " stops");
        int[][] window = new int[nReels][rows];
        for (int r = 0; r < nReels; r++) {
            if (stops[r] < 0 || stops[r] >= strips[r].length) throw new IllegalArgumentException("stop out of range on reel " + (r + 1));
            for (int row = 0; row < rows; row++) window[r][row] = symbolAt(r, stops[r], row);
        }
        List<LineWin> lineWins = new ArrayList<>();
        int[] tuple = new int[nReels];
        for (int l = 0; l < lines.length; l++) {
            for (int r = 0; r < nReels; r++) tuple[r] = window[r][lines[l][r]];
            int e = bestEntry(tuple, coins);
            if (e >= 0) {
                long x = hasMultipliers ? multiplierOf(tuple, masks[e].length) : 1;
                lineWins.add(new LineWin(l, e, Math.multiplyExact(pays[e][coins], x), x));
            }
        }
        List<ScatterWin> scatterWins = new ArrayList<>();
        int fsCount = 0;
        for (int i = 0; i < scatterSymbols.length; i++) {
            int count = count(window, scatterSymbols[i]);
            long pay = scatterPay(i, count);
            if (pay > 0) scatterWins.add(new ScatterWin(i, count, pay));
        }
        if (freeSpinSymbol >= 0) fsCount = count(window, freeSpinSymbol);
        boolean trigger = def.freeSpins().isPresent() && fsCount >= def.freeSpins().get().minCount();
        return new Evaluation(stops.clone(), window, lineWins, scatterWins, trigger);
    }

    private static int count(int[][] window, int symbol) {
        int n = 0;
        for (int[] col : window) for (int s : col) if (s == symbol) n++;
        return n;
    }

    /** Window as symbol names, one list per reel, top row first. */
    public List<List<String>> names(int[][] window) {
        List<List<String>> out = new ArrayList<>(window.length);
        for (int[] col : window) {
            List<String> c = new ArrayList<>(col.length);
            for (int s : col) c.add(def.symbols().get(s));
            out.add(c);
        }
        return out;
    }

    /**
     * @param line             0-based payline index
     * @param entry            paytable entry index
     * @param pay              units paid (symbol multiplier applied, free-spin multiplier not)
     * @param symbolMultiplier the combined multiplier of the multiplier symbols in the win (1 when none)
     */
    public record LineWin(int line, int entry, long pay, long symbolMultiplier) {
    }

    /**
     * @param scatter index into the definition's scatters
     * @param count   symbols in the window
     * @param pay     multiple of the total bet
     */
    public record ScatterWin(int scatter, int count, long pay) {
    }

    /**
     * One evaluated window.
     *
     * @param stops       the stops
     * @param window      symbol ids [reel][row]
     * @param lineWins    paying lines
     * @param scatterWins paying scatters
     * @param triggersFreeSpins whether the free-spin trigger count was reached
     */
    public record Evaluation(int[] stops, int[][] window, List<LineWin> lineWins, List<ScatterWin> scatterWins,
                             boolean triggersFreeSpins) {
        /** Total win in units: line pays plus scatter pays x {@code units}. */
        public long totalUnits(int units) {
            long t = 0;
            for (LineWin w : lineWins) t = Math.addExact(t, w.pay());
            for (ScatterWin w : scatterWins) t = Math.addExact(t, Math.multiplyExact(w.pay(), units));
            return t;
        }
    }
}
