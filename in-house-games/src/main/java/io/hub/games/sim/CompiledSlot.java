package io.hub.games.sim;

import io.hub.games.slot.SlotDefinition;
import io.hub.games.slot.SlotEngine;
import io.hub.games.slot.SlotGame;

import java.util.SplittableRandom;

/**
 * A slot game flattened into arrays for fast <b>simulation</b> (millions of rounds per second per core): per reel
 * and stop the payline-table index contribution of every line, the scatter and trigger-symbol counts, and the
 * engine's own line-pay table ({@link SlotEngine#lineTable(int)}, best entry per symbol tuple with wilds, groups
 * and multiplier symbols already applied). A round is: draw one stop per reel, add up the line indices, look up the
 * line pays, add the scatter pays, play the free spins (multiplier, retriggers, at most
 * {@link SlotGame#MAX_FREE_SPINS_PER_ROUND}), apply the win cap. The result equals {@link SlotGame#playRound}'s
 * payout for the same draws (checked by {@code CompiledSlotTest}).
 *
 * <p>All amounts are integer units of the coin value (COINS mode) or line bet (LINES mode); the total bet is
 * {@link #units()} units. Immutable and thread-safe; each thread brings its own {@link SplittableRandom}.
 *
 * <p><b>RNG:</b> simulation only. {@link #nextInt(SplittableRandom, int)} maps SplittableRandom's 32-bit words to a
 * range without bias (Lemire's multiply-and-reject). SplittableRandom is fast and statistically good but not a
 * cryptographic generator; real-money play always draws from {@code io.hub.games.rng.DrbgRandomSource}.
 */
public final class CompiledSlot {
    private final String gameId;
    private final int nReels;
    private final int nLines;
    private final int units;
    private final int[] stopCount;      // [reel]
    private final int[][] lineIndex;    // [reel][stop * nLines + line]: symbol id x symbols^reel
    private final int[][] weightedStop; // [reel][x in 0..totalWeight): stop, or null when uniform
    private final long[] lineTable;
    private final int[] lineTableInt;   // the same pays as int when they all fit (half the cache footprint), else null
    private final int nScat;
    private final int[][] scatterCount; // [reel][stop * nScat + i]
    private final long[][] scatterPayUnits; // [i][count]
    private final int[][] triggerCount;  // [reel][stop]
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
        lineTable = e.lineTable(coins);
        long maxPay = 0;
        for (long x : lineTable) maxPay = Math.max(maxPay, x);
        if (maxPay <= Integer.MAX_VALUE) {
            lineTableInt = new int[lineTable.length];
            for (int i = 0; i < lineTable.length; i++) lineTableInt[i] = (int) lineTable[i];
        } else {
            lineTableInt = null;
        }
        stopCount = new int[nReels];
        lineIndex = new int[nReels][];
        weightedStop = new int[nReels][];
        int[] scat = e.scatterSymbols();
        nScat = scat.length;
        scatterCount = new int[nReels][];
        triggerCount = new int[nReels][];
        int fsSym = e.freeSpinSymbol();
        int pow = 1;
        for (int r = 0; r < nReels; r++) {
            int n = e.stopCount(r);
            stopCount[r] = n;
            lineIndex[r] = new int[n * nLines];
            scatterCount[r] = new int[n * Math.max(nScat, 1)];
            triggerCount[r] = new int[n];
            for (int s = 0; s < n; s++) {
                for (int l = 0; l < nLines; l++) lineIndex[r][s * nLines + l] = e.symbolAt(r, s, e.lineRow(l, r)) * pow;
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
            pow *= e.symbolCount();
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

    public String gameId() {
        return gameId;
    }

    /** Units of the total bet (coins, or paylines). */
    public int units() {
        return units;
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
        private final int[] stops = new int[nReels];
        private final int[] idx = new int[nLines];
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
            int[] idx = this.idx;
            java.util.Arrays.fill(idx, 0);
            int trig = 0;
            if (nScat > 0) java.util.Arrays.fill(sc, 0);
            for (int r = 0; r < nReels; r++) {
                int[] map = weightedStop[r];
                int s = map == null ? nextInt(rnd, stopCount[r]) : map[nextInt(rnd, map.length)];
                stops[r] = s;
                int[] li = lineIndex[r];
                int base = s * nLines;
                for (int l = 0; l < nLines; l++) idx[l] += li[base + l];
                trig += triggerCount[r][s];
                for (int i = 0; i < nScat; i++) sc[i] += scatterCount[r][s * nScat + i];
            }
            triggers = trig;
            long win = 0;
            int[] small = lineTableInt;
            if (small != null) {
                for (int l = 0; l < nLines; l++) win += small[idx[l]];
            } else {
                for (int l = 0; l < nLines; l++) win += lineTable[idx[l]];
            }
            for (int i = 0; i < nScat; i++) win += scatterPayUnits[i][sc[i]];
            return win;
        }
    }
}
