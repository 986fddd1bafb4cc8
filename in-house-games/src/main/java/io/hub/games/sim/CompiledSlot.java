package io.hub.games.sim;

import io.hub.games.slot.SlotDefinition;
import io.hub.games.slot.SlotEngine;
import io.hub.games.slot.SlotGame;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A slot game flattened into arrays for fast <b>simulation</b> (millions of rounds per second per core). Built from
 * the engine's own line-pay table ({@link SlotEngine#lineTable(int)}: the best entry per symbol tuple with wilds,
 * groups and multiplier symbols applied), per reel and stop the table-index contribution of every payline, and the
 * scatter and trigger-symbol counts. A round is: draw one stop per reel, add up the line indices, look up the line
 * pays, add the scatter pays, play the free spins (multiplier, retriggers, at most
 * {@link SlotGame#MAX_FREE_SPINS_PER_ROUND}), apply the win cap. The result equals {@link SlotGame#playRound}'s
 * payout for the same draws (checked by {@code SimulationTest}).
 *
 * <p><b>Factored line table.</b> A big table (Atkins Diet: 11^5 tuples) is read at random 20 times per spin, and cache
 * misses would dominate. It is therefore split at a reel: tuples whose first reels (the prefix) pay the same for
 * every suffix form one class, so {@code pay(tuple) = classPay[class(prefix)][suffix]}; Atkins Diet's 1,331 prefixes
 * fall into a few dozen classes, and both small tables stay in the L1/L2 cache. Exact: the classes are built by
 * comparing whole rows of the engine's table.
 *
 * <p>All amounts are integer units of the coin value (COINS mode) or line bet (LINES mode); the total bet is
 * {@link #units()} units. Immutable and thread-safe; each thread brings its own {@link SplittableRandom}.
 *
 * <p><b>RNG:</b> simulation only. {@link #nextInt(SplittableRandom, int)} maps SplittableRandom's 32-bit words to a
 * range without bias (Lemire's multiply-and-reject). SplittableRandom is fast and statistically good but not a
 * cryptographic generator; real-money play always draws from {@code io.hub.games.rng.DrbgRandomSource}.
 */
public final class CompiledSlot {
    /** Tables up to this many entries are used as they are; larger ones are factored. */
    static final int PLAIN_TABLE_MAX = 4096;

    private final String gameId;
    private final int nReels;
    private final int nLines;
    private final int units;
    private final int[] stopCount;          // [reel]
    private final int[][] weightedStop;     // [reel][x in 0..totalWeight): stop, or null when uniform
    private final int split;                // reels [0, split) index the prefix, [split, n) the suffix; n = plain table
    private final int[][] lineIndex;        // [reel][stop * nLines + line]: symbol x symbols^reel (x symbols^(reel - split) in the suffix)
    private final long[] plainTable;        // [tuple index] when not factored
    private final int suffixCount;          // symbols^(n - split)
    private final int[] prefixBase;         // [prefix index]: class x suffixCount
    private final long[] classPay;          // [class x suffixCount + suffix index]
    private final int nScat;
    private final int[][] scatterCount;     // [reel][stop * nScat + i]
    private final long[][] scatterPayUnits; // [i][count]
    private final int[][] triggerCount;     // [reel][stop]
    private final int fsMin;
    private final int fsSpins;
    private final int fsMultiplier;
    private final boolean fsRetrigger;
    private final long cap;

    /**
     * @param game  the game
     * @param coins coin count to play (1 for line games)
     * @throws IllegalArgumentException when a reel's total stop weight exceeds 2^24 (lookup table too big) or the
     *                                  coin count is out of range
     */
    public CompiledSlot(SlotGame game, int coins) {
        if (coins < 1 || coins > game.maxCoins()) throw new IllegalArgumentException("coins must be 1.." + game.maxCoins());
        SlotEngine e = game.engine();
        SlotDefinition def = game.definition();
        gameId = def.gameId();
        nReels = e.reelCount();
        nLines = e.lineCount();
        units = e.units(coins);
        int nSym = e.symbolCount();
        long[] table = e.lineTable(coins);

        if (table.length > PLAIN_TABLE_MAX && nReels >= 2) {
            split = (nReels + 1) / 2;
            int prefixCount = pow(nSym, split);
            suffixCount = table.length / prefixCount;
            prefixBase = new int[prefixCount];
            Map<RowKey, Integer> classes = new HashMap<>();
            long[] pays = new long[Math.min(prefixCount, 1 << 16) * suffixCount];
            int nClasses = 0;
            for (int p = 0; p < prefixCount; p++) {
                long[] row = new long[suffixCount];
                for (int q = 0; q < suffixCount; q++) row[q] = table[p + q * prefixCount];
                Integer c = classes.get(new RowKey(row));
                if (c == null) {
                    c = nClasses++;
                    classes.put(new RowKey(row), c);
                    if ((long) nClasses * suffixCount > pays.length) pays = Arrays.copyOf(pays, pays.length * 2);
                    System.arraycopy(row, 0, pays, c * suffixCount, suffixCount);
                }
                prefixBase[p] = c * suffixCount;
            }
            classPay = Arrays.copyOf(pays, nClasses * suffixCount);
            plainTable = null;
        } else {
            split = nReels;
            suffixCount = 1;
            prefixBase = null;
            classPay = null;
            plainTable = table;
        }

        stopCount = new int[nReels];
        lineIndex = new int[nReels][];
        weightedStop = new int[nReels][];
        int[] scat = e.scatterSymbols();
        nScat = scat.length;
        scatterCount = new int[nReels][];
        triggerCount = new int[nReels][];
        int fsSym = e.freeSpinSymbol();
        for (int r = 0; r < nReels; r++) {
            int weight = r < split ? pow(nSym, r) : pow(nSym, r - split);
            int n = e.stopCount(r);
            stopCount[r] = n;
            lineIndex[r] = new int[n * nLines];
            scatterCount[r] = new int[n * Math.max(nScat, 1)];
            triggerCount[r] = new int[n];
            for (int s = 0; s < n; s++) {
                for (int l = 0; l < nLines; l++) lineIndex[r][s * nLines + l] = e.symbolAt(r, s, e.lineRow(l, r)) * weight;
                for (int row = 0; row < e.rows(); row++) {
                    int sym = e.symbolAt(r, s, row);
                    for (int i = 0; i < nScat; i++) if (sym == scat[i]) scatterCount[r][s * nScat + i]++;
                    if (sym == fsSym) triggerCount[r][s]++;
                }
            }
            if (!def.stopWeights().isEmpty()) {
                long total = e.totalWeight(r);
                if (total > (1 << 24)) throw new IllegalArgumentException("reel " + (r + 1) + ": total weight above 2^24");
                int[] map = new int[(int) total];
                int x = 0;
                for (int s = 0; s < n; s++) for (long k = 0; k < e.stopWeight(r, s); k++) map[x++] = s;
                weightedStop[r] = map;
            }
        }
        int maxCount = nReels * e.rows();
        scatterPayUnits = new long[nScat][maxCount + 1];
        for (int i = 0; i < nScat; i++) for (int k = 0; k <= maxCount; k++) scatterPayUnits[i][k] = Math.multiplyExact(e.scatterPay(i, k), (long) units);
        var fs = def.freeSpins();
        fsMin = fs.map(SlotDefinition.FreeSpins::minCount).orElse(Integer.MAX_VALUE);
        fsSpins = fs.map(SlotDefinition.FreeSpins::spins).orElse(0);
        fsMultiplier = fs.map(SlotDefinition.FreeSpins::multiplier).orElse(1);
        fsRetrigger = fs.map(SlotDefinition.FreeSpins::retrigger).orElse(false);
        cap = def.winCap().map(c -> Math.multiplyExact(c, (long) units)).orElse(Long.MAX_VALUE);
    }

    private static int pow(int base, int exp) {
        int x = 1;
        for (int i = 0; i < exp; i++) x = Math.multiplyExact(x, base);
        return x;
    }

    /** A table row as a hash key. */
    private record RowKey(long[] row) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey && Arrays.equals(row, ((RowKey) o).row);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(row);
        }
    }

    public String gameId() {
        return gameId;
    }

    /** Units of the total bet (coins, or paylines). */
    public int units() {
        return units;
    }

    /** Prefix classes of the factored line table (0 when the table is used as it is). */
    public int lineTableClasses() {
        return classPay == null ? 0 : classPay.length / suffixCount;
    }

    /**
     * A uniform integer in {@code [0, bound)} from 32-bit words of {@code rnd}, unbiased (D. Lemire, "Fast Random
     * Integer Generation in an Interval", ACM TOMACS 2019: multiply, reject the low part below {@code 2^32 mod bound}).
     */
    public static int nextInt(SplittableRandom rnd, int bound) {
        long m = (rnd.nextInt() & 0xFFFFFFFFL) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (1L << 32) % bound;
            while (low < threshold) {
                m = (rnd.nextInt() & 0xFFFFFFFFL) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Per-thread scratch and the outcome of the last round. Not thread-safe: one per thread. */
    public final class Player implements Simulation.RoundPlayer {
        private final SplittableRandom rnd;
        private final int[] prefix = new int[nLines];
        private final int[] suffix = new int[nLines];
        private final int[] sc = new int[Math.max(nScat, 1)];
        private int triggers;
        private boolean triggered;
        private long freeSpinsPlayed;

        public Player(SplittableRandom rnd) {
            this.rnd = rnd;
        }

        /** Plays one round (base spin, then its free spins); returns the round's win in units, capped. */
        @Override
        public long playRound() {
            long win = spin();
            triggered = triggers >= fsMin;
            if (triggered) {
                long remaining = fsSpins;
                long played = 0;
                long feature = 0;
                while (remaining > 0 && played < SlotGame.MAX_FREE_SPINS_PER_ROUND) {
                    remaining--;
                    played++;
                    feature += spin();
                    if (fsRetrigger && triggers >= fsMin) remaining += fsSpins;
                }
                freeSpinsPlayed += played;
                win = Math.addExact(win, Math.multiplyExact(feature, (long) fsMultiplier));
            }
            return Math.min(win, cap);
        }

        /** Whether the last round triggered free spins. */
        @Override
        public boolean triggered() {
            return triggered;
        }

        /** Free spins played by this player so far. */
        @Override
        public long freeSpinsPlayed() {
            return freeSpinsPlayed;
        }

        /** One spin without the feature multiplier; sets {@link #triggers}. */
        private long spin() {
            int[] pre = prefix, suf = suffix;
            Arrays.fill(pre, 0);
            Arrays.fill(suf, 0);
            int trig = 0;
            if (nScat > 0) Arrays.fill(sc, 0);
            for (int r = 0; r < nReels; r++) {
                int[] map = weightedStop[r];
                int s = map == null ? nextInt(rnd, stopCount[r]) : map[nextInt(rnd, map.length)];
                int[] li = lineIndex[r];
                int base = s * nLines;
                int[] acc = r < split ? pre : suf;
                for (int l = 0; l < nLines; l++) acc[l] += li[base + l];
                trig += triggerCount[r][s];
                for (int i = 0; i < nScat; i++) sc[i] += scatterCount[r][s * nScat + i];
            }
            triggers = trig;
            long win = 0;
            if (plainTable != null) {
                for (int l = 0; l < nLines; l++) win += plainTable[pre[l]];
            } else {
                for (int l = 0; l < nLines; l++) win += classPay[prefixBase[pre[l]] + suf[l]];
            }
            for (int i = 0; i < nScat; i++) win += scatterPayUnits[i][sc[i]];
            return win;
        }
    }
}
