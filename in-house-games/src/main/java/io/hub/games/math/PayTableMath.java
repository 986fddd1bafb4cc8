package io.hub.games.math;

import io.hub.games.slot.SlotDefinition;
import io.hub.games.slot.SlotEngine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Exact game math by enumeration, as fractions (no sampling, no floating point).
 *
 * <ul>
 *   <li>{@link #analyze}: RTP split into line, scatter and free-spin parts. Line pays are enumerated over
 *   symbol tuples weighted by each reel's per-row symbol weights (equivalent to enumerating all stops, since
 *   reels stop independently); scatter counts are convolved reel by reel; free spins use the closed form
 *   {@code E[spins] = S / (1 - S p)} for unlimited retriggers of S spins with per-spin retrigger probability p,
 *   and {@code bonus = E[spins] x multiplier x (line + scatter)} (Wald's identity). Cheap (Atkins Diet: well
 *   under a second).</li>
 *   <li>{@link #enumerate}: visits every weighted stop combination (RWB 64^3, Atkins Diet 32^5) for the
 *   per-round hit frequency and the variance, free spins included via the compound-sum recursion of the
 *   feature (see {@link #compound}). Parallel over the first reel's stops.</li>
 * </ul>
 * Line pays come from {@link SlotEngine#lineTable}, the best entry per symbol tuple with wilds, groups and
 * multiplier symbols applied, so both methods cover multiplier symbols exactly.
 * Sources: the game's definition; method as described in the PAR files of {@code shared/par}.
 * Limitation: a definition with a {@code winCap} is supported only by {@link #enumerate} and only without free
 * spins (the cap is applied per round); {@link #analyze} then throws {@link UnsupportedOperationException}.
 */
public final class PayTableMath {
    /** Largest weighted combination count {@link #enumerate} will visit. */
    public static final long MAX_ENUMERATION = 4_000_000_000L;

    private PayTableMath() {
    }

    /** RTP parts at {@code coins} coins, without the enumeration figures. */
    public static ParSheet analyze(SlotEngine engine, int coins) {
        SlotDefinition def = engine.definition();
        checkCoins(def, coins);
        if (def.winCap().isPresent()) throw new UnsupportedOperationException("analytic math ignores winCap; use enumerate()");
        Base base = baseAnalytic(engine, coins);
        return assemble(def, coins, base, Optional.empty());
    }

    /** RTP parts plus the per-round hit frequency and variance from a full enumeration of stop combinations. */
    public static ParSheet enumerate(SlotEngine engine, int coins) {
        SlotDefinition def = engine.definition();
        checkCoins(def, coins);
        if (def.winCap().isPresent() && def.freeSpins().isPresent()) {
            throw new UnsupportedOperationException("exact math with a win cap and free spins is not supported");
        }
        Base analytic = def.winCap().isPresent() ? null : baseAnalytic(engine, coins);
        Moments m = fullEnumeration(engine, coins);
        int units = engine.units(coins);
        Fraction w = new Fraction(m.weight, BigInteger.ONE);
        Fraction ex = new Fraction(m.sumX, m.weight);
        Fraction ex2 = new Fraction(m.sumX2, m.weight);
        Fraction p = new Fraction(m.sumR, m.weight);
        Fraction exr = new Fraction(m.sumXR, m.weight);
        Fraction hit = new Fraction(m.sumHit, m.weight);
        Fraction total;
        Fraction variance;
        if (def.freeSpins().isPresent()) {
            SlotDefinition.FreeSpins fs = def.freeSpins().get();
            Fraction[] f = compound(ex, ex2, exr, p, fs.spins(), fs.multiplier(), fs.retrigger());
            Fraction ez = ex.plus(p.times(f[0]));
            Fraction ez2 = ex2.plus(exr.times(f[0]).times(2)).plus(p.times(f[1]));
            total = ez.dividedBy(units);
            variance = ez2.minus(ez.times(ez)).dividedBy((long) units * units);
        } else {
            total = ex.dividedBy(units);
            variance = ex2.minus(ex.times(ex)).dividedBy((long) units * units);
        }
        ParSheet.Enumeration e = new ParSheet.Enumeration(m.weight.longValueExact(), hit, total, variance);
        if (analytic == null) {
            Fraction zero = Fraction.ZERO;
            return new ParSheet(def.gameId(), coins, total, zero, zero, total, zero, zero, zero, zero, Optional.of(e));
        }
        ParSheet sheet = assemble(def, coins, analytic, Optional.of(e));
        if (sheet.totalReturn().compareTo(total) != 0) {
            throw new IllegalStateException("analytic and enumerated RTP differ: " + sheet.totalReturn() + " vs " + total + " (w=" + w + ")");
        }
        return sheet;
    }

    /**
     * First two moments of one free-spin feature's total win F (in units, multiplier applied), given one
     * free spin's base win X (units, before the multiplier) and its retrigger indicator R:
     * each of S spins pays {@code G = mY + R F'} with F' an independent copy of F, so
     * {@code E[F] = S E[G]}, {@code E[F^2] = S E[G^2] + S(S-1) E[G]^2}, solved for E[F], E[F^2].
     *
     * @return {@code {E[F], E[F^2]}}
     * @throws ArithmeticException when {@code S p >= 1} (the feature would not end on average)
     */
    static Fraction[] compound(Fraction ex, Fraction ex2, Fraction exr, Fraction p, int spins, int multiplier, boolean retrigger) {
        Fraction ey = ex.times(multiplier);
        Fraction ey2 = ex2.times((long) multiplier * multiplier);
        Fraction eyr = exr.times(multiplier);
        Fraction s = Fraction.of(spins);
        if (!retrigger) {
            Fraction ef = s.times(ey);
            Fraction ef2 = s.times(ey2).plus(s.times(s.minus(Fraction.ONE)).times(ey).times(ey));
            return new Fraction[]{ef, ef2};
        }
        Fraction denom = Fraction.ONE.minus(s.times(p));
        if (denom.signum() <= 0) throw new ArithmeticException("free spins retrigger too often: S*p >= 1");
        Fraction ef = s.times(ey).dividedBy(denom);
        Fraction eg = ey.plus(p.times(ef));
        Fraction num = s.times(ey2.plus(eyr.times(ef).times(2))).plus(s.times(s.minus(Fraction.ONE)).times(eg).times(eg));
        Fraction ef2 = num.dividedBy(denom);
        return new Fraction[]{ef, ef2};
    }

    private static void checkCoins(SlotDefinition def, int coins) {
        if (coins < 1 || coins > def.bet().maxCoins()) throw new IllegalArgumentException("coins must be 1.." + def.bet().maxCoins());
    }

    private static ParSheet assemble(SlotDefinition def, int coins, Base b, Optional<ParSheet.Enumeration> e) {
        Fraction line = b.lineUnits.dividedBy(b.units);
        Fraction scatter = b.scatterBet;
        Fraction zero = Fraction.ZERO;
        Fraction fsReturn = zero, expectedSpins = zero, bonus = zero, p = zero;
        if (def.freeSpins().isPresent()) {
            SlotDefinition.FreeSpins fs = def.freeSpins().get();
            p = b.trigger;
            expectedSpins = fs.retrigger()
                    ? Fraction.of(fs.spins()).dividedBy(Fraction.ONE.minus(p.times(fs.spins())))
                    : Fraction.of(fs.spins());
            if (expectedSpins.signum() <= 0) throw new ArithmeticException("free spins retrigger too often: S*p >= 1");
            bonus = expectedSpins.times(fs.multiplier()).times(line.plus(scatter));
            fsReturn = p.times(bonus);
        }
        Fraction total = line.plus(scatter).plus(fsReturn);
        return new ParSheet(def.gameId(), coins, line, scatter, fsReturn, total, b.lineHit, p, expectedSpins, bonus, e);
    }

    private record Base(int units, Fraction lineUnits, Fraction lineHit, Fraction scatterBet, Fraction trigger) {
    }

    private static Base baseAnalytic(SlotEngine engine, int coins) {
        int nReels = engine.reelCount();
        int nSym = engine.symbolCount();
        long[] table = engine.lineTable(coins);
        // per reel, per row: symbol weights
        long[][][] rowWeights = new long[nReels][engine.rows()][nSym];
        BigInteger totalWeight = BigInteger.ONE;
        for (int r = 0; r < nReels; r++) {
            for (int s = 0; s < engine.stopCount(r); s++) {
                long w = engine.stopWeight(r, s);
                for (int row = 0; row < engine.rows(); row++) rowWeights[r][row][engine.symbolAt(r, s, row)] += w;
            }
            totalWeight = totalWeight.multiply(BigInteger.valueOf(engine.totalWeight(r)));
        }
        // lines whose per-reel row distributions are identical share one tuple enumeration
        BigInteger[][] perLine = new BigInteger[engine.lineCount()][];
        BigInteger pay = BigInteger.ZERO, hits = BigInteger.ZERO;
        for (int l = 0; l < engine.lineCount(); l++) {
            for (int other = 0; other < l && perLine[l] == null; other++) {
                boolean same = true;
                for (int r = 0; r < nReels && same; r++) {
                    same = Arrays.equals(rowWeights[r][engine.lineRow(l, r)], rowWeights[r][engine.lineRow(other, r)]);
                }
                if (same) perLine[l] = perLine[other];
            }
            if (perLine[l] == null) {
                long[][] dist = new long[nReels][];
                for (int r = 0; r < nReels; r++) dist[r] = rowWeights[r][engine.lineRow(l, r)];
                perLine[l] = lineTuples(table, dist, nSym);
            }
            pay = pay.add(perLine[l][0]);
            hits = hits.add(perLine[l][1]);
        }
        Fraction lineUnits = new Fraction(pay, totalWeight);
        Fraction lineHit = new Fraction(hits, totalWeight.multiply(BigInteger.valueOf(engine.lineCount())));

        // scatters: convolve per-reel count distributions
        Fraction scatterBet = Fraction.ZERO;
        int[] scat = engine.scatterSymbols();
        for (int i = 0; i < scat.length; i++) {
            BigInteger[] dist = countDistribution(engine, scat[i]);
            BigInteger sum = BigInteger.ZERO;
            for (int k = 0; k < dist.length; k++) sum = sum.add(dist[k].multiply(BigInteger.valueOf(engine.scatterPay(i, k))));
            scatterBet = scatterBet.plus(new Fraction(sum, totalWeight));
        }
        Fraction trigger = Fraction.ZERO;
        if (engine.freeSpinSymbol() >= 0) {
            BigInteger[] dist = countDistribution(engine, engine.freeSpinSymbol());
            int min = engine.definition().freeSpins().get().minCount();
            BigInteger t = BigInteger.ZERO;
            for (int k = min; k < dist.length; k++) t = t.add(dist[k]);
            trigger = new Fraction(t, totalWeight);
        }
        return new Base(engine.units(coins), lineUnits, lineHit, scatterBet, trigger);
    }

    /** {sum of weight x pay, sum of weight x [pay > 0]} over all symbol tuples. */
    private static BigInteger[] lineTuples(long[] table, long[][] dist, int nSym) {
        int nReels = dist.length;
        long[] pow = new long[nReels];
        pow[0] = 1;
        for (int r = 1; r < nReels; r++) pow[r] = pow[r - 1] * nSym;
        BigInteger[] acc = {BigInteger.ZERO, BigInteger.ZERO};
        recurse(table, dist, nSym, pow, nReels - 1, 0, BigInteger.ONE, acc);
        return acc;
    }

    private static void recurse(long[] table, long[][] dist, int nSym, long[] pow, int reel, long index, BigInteger weight, BigInteger[] acc) {
        if (reel == 0) {
            long pay = 0, hit = 0;
            for (int s = 0; s < nSym; s++) {
                long w = dist[0][s];
                if (w == 0) continue;
                long p = table[(int) (index + s)];
                if (p > 0) {
                    pay = Math.addExact(pay, Math.multiplyExact(w, p));
                    hit = Math.addExact(hit, w);
                }
            }
            acc[0] = acc[0].add(weight.multiply(BigInteger.valueOf(pay)));
            acc[1] = acc[1].add(weight.multiply(BigInteger.valueOf(hit)));
            return;
        }
        for (int s = 0; s < nSym; s++) {
            long w = dist[reel][s];
            if (w == 0) continue;
            recurse(table, dist, nSym, pow, reel - 1, index + s * pow[reel], weight.multiply(BigInteger.valueOf(w)), acc);
        }
    }

    /** Weighted distribution of how many {@code symbol}s the whole window shows (index = count). */
    private static BigInteger[] countDistribution(SlotEngine engine, int symbol) {
        int max = engine.reelCount() * engine.rows();
        BigInteger[] dist = new BigInteger[max + 1];
        Arrays.fill(dist, BigInteger.ZERO);
        dist[0] = BigInteger.ONE;
        for (int r = 0; r < engine.reelCount(); r++) {
            long[] reelDist = new long[engine.rows() + 1];
            for (int s = 0; s < engine.stopCount(r); s++) {
                int c = 0;
                for (int row = 0; row < engine.rows(); row++) if (engine.symbolAt(r, s, row) == symbol) c++;
                reelDist[c] += engine.stopWeight(r, s);
            }
            BigInteger[] next = new BigInteger[max + 1];
            Arrays.fill(next, BigInteger.ZERO);
            for (int a = 0; a <= max; a++) {
                if (dist[a].signum() == 0) continue;
                for (int c = 0; c < reelDist.length && a + c <= max; c++) {
                    if (reelDist[c] != 0) next[a + c] = next[a + c].add(dist[a].multiply(BigInteger.valueOf(reelDist[c])));
                }
            }
            dist = next;
        }
        return dist;
    }

    // ---------------------------------------------------------------- full enumeration

    private record Moments(BigInteger weight, BigInteger sumX, BigInteger sumX2, BigInteger sumR, BigInteger sumXR, BigInteger sumHit) {
    }

    private static Moments fullEnumeration(SlotEngine engine, int coins) {
        int nReels = engine.reelCount();
        long combos = 1;
        for (int r = 0; r < nReels; r++) {
            combos = Math.multiplyExact(combos, engine.totalWeight(r));
        }
        long stopCombos = 1;
        for (int r = 0; r < nReels; r++) stopCombos = Math.multiplyExact(stopCombos, engine.stopCount(r));
        if (stopCombos > MAX_ENUMERATION) throw new UnsupportedOperationException("too many stop combinations to enumerate: " + stopCombos);
        long[] table = engine.lineTable(coins);
        int nSym = engine.symbolCount();
        int nLines = engine.lineCount();
        int units = engine.units(coins);
        int[] scat = engine.scatterSymbols();
        int fsSym = engine.freeSpinSymbol();
        int fsMin = engine.definition().freeSpins().map(SlotDefinition.FreeSpins::minCount).orElse(Integer.MAX_VALUE);
        long cap = engine.definition().winCap().map(c -> Math.multiplyExact(c, (long) units)).orElse(Long.MAX_VALUE);
        int maxCount = nReels * engine.rows();
        long[][] scatterPayUnits = new long[scat.length][maxCount + 1];
        for (int i = 0; i < scat.length; i++) for (int k = 0; k <= maxCount; k++) scatterPayUnits[i][k] = Math.multiplyExact(engine.scatterPay(i, k), (long) units);

        // per reel, per stop: line index contributions, scatter counts, trigger-symbol count
        int[][][] contrib = new int[nReels][][];
        int[][][] scatCount = new int[nReels][][];
        int[][] fsCount = new int[nReels][];
        long pow = 1;
        for (int r = 0; r < nReels; r++) {
            int n = engine.stopCount(r);
            contrib[r] = new int[n][nLines];
            scatCount[r] = new int[n][scat.length];
            fsCount[r] = new int[n];
            for (int s = 0; s < n; s++) {
                for (int l = 0; l < nLines; l++) contrib[r][s][l] = (int) (engine.symbolAt(r, s, engine.lineRow(l, r)) * pow);
                for (int row = 0; row < engine.rows(); row++) {
                    int sym = engine.symbolAt(r, s, row);
                    for (int i = 0; i < scat.length; i++) if (sym == scat[i]) scatCount[r][s][i]++;
                    if (sym == fsSym) fsCount[r][s]++;
                }
            }
            pow *= nSym;
        }
        Moments[] parts = IntStream.range(0, engine.stopCount(0)).parallel().mapToObj(s0 -> {
            Walker w = new Walker(engine, table, contrib, scatCount, fsCount, scatterPayUnits, nLines, scat.length, fsMin, cap);
            w.start(s0);
            return w.result();
        }).toArray(Moments[]::new);
        BigInteger wt = BigInteger.ZERO, x = BigInteger.ZERO, x2 = BigInteger.ZERO, rr = BigInteger.ZERO, xr = BigInteger.ZERO, hit = BigInteger.ZERO;
        for (Moments m : parts) {
            wt = wt.add(m.weight);
            x = x.add(m.sumX);
            x2 = x2.add(m.sumX2);
            rr = rr.add(m.sumR);
            xr = xr.add(m.sumXR);
            hit = hit.add(m.sumHit);
        }
        if (wt.longValueExact() != combos) throw new IllegalStateException("enumeration weight mismatch");
        return new Moments(wt, x, x2, rr, xr, hit);
    }

    /** Depth-first walk over reels 1..n-1 for one stop of reel 0; accumulates in longs, flushed to BigInteger. */
    private static final class Walker {
        private final SlotEngine engine;
        private final long[] table;
        private final int[][][] contrib;
        private final int[][][] scatCount;
        private final int[][] fsCount;
        private final long[][] scatterPayUnits;
        private final int nLines, nScat, fsMin, nReels;
        private final long cap;
        private final int[][] idx;     // [depth][line]
        private final int[][] sc;      // [depth][scatter]
        private final int[] fs;        // [depth]
        private final long[] weight;   // [depth]
        private long w, x, x2, rr, xr, hit;
        private BigInteger bw = BigInteger.ZERO, bx = BigInteger.ZERO, bx2 = BigInteger.ZERO, brr = BigInteger.ZERO, bxr = BigInteger.ZERO, bhit = BigInteger.ZERO;

        Walker(SlotEngine engine, long[] table, int[][][] contrib, int[][][] scatCount, int[][] fsCount, long[][] scatterPayUnits,
               int nLines, int nScat, int fsMin, long cap) {
            this.engine = engine;
            this.table = table;
            this.contrib = contrib;
            this.scatCount = scatCount;
            this.fsCount = fsCount;
            this.scatterPayUnits = scatterPayUnits;
            this.nLines = nLines;
            this.nScat = nScat;
            this.fsMin = fsMin;
            this.cap = cap;
            this.nReels = engine.reelCount();
            idx = new int[nReels][nLines];
            sc = new int[nReels][nScat];
            fs = new int[nReels];
            weight = new long[nReels];
        }

        void start(int s0) {
            System.arraycopy(contrib[0][s0], 0, idx[0], 0, nLines);
            System.arraycopy(scatCount[0][s0], 0, sc[0], 0, nScat);
            fs[0] = fsCount[0][s0];
            weight[0] = engine.stopWeight(0, s0);
            if (nReels == 1) leafSingle();
            else walk(1);
            flush();
        }

        private void leafSingle() {
            accumulate(idx[0], sc[0], fs[0], weight[0]);
        }

        private void walk(int r) {
            int n = engine.stopCount(r);
            int[] prevIdx = idx[r - 1], prevSc = sc[r - 1];
            int[] curIdx = idx[r], curSc = sc[r];
            for (int s = 0; s < n; s++) {
                int[] c = contrib[r][s];
                for (int l = 0; l < nLines; l++) curIdx[l] = prevIdx[l] + c[l];
                int[] cs = scatCount[r][s];
                for (int i = 0; i < nScat; i++) curSc[i] = prevSc[i] + cs[i];
                fs[r] = fs[r - 1] + fsCount[r][s];
                weight[r] = Math.multiplyExact(weight[r - 1], engine.stopWeight(r, s));
                if (r == nReels - 1) accumulate(curIdx, curSc, fs[r], weight[r]);
                else walk(r + 1);
            }
            if (r == 1) flush();
        }

        private void accumulate(int[] lineIdx, int[] scatterCounts, int fsc, long wt) {
            long win = 0;
            for (int l = 0; l < nLines; l++) win += table[lineIdx[l]];
            for (int i = 0; i < nScat; i++) win += scatterPayUnits[i][scatterCounts[i]];
            if (win > cap) win = cap;
            boolean trig = fsc >= fsMin;
            w += wt;
            if (win != 0) {
                x = Math.addExact(x, Math.multiplyExact(wt, win));
                x2 = Math.addExact(x2, Math.multiplyExact(Math.multiplyExact(wt, win), win));
            }
            if (trig) {
                rr += wt;
                xr = Math.addExact(xr, Math.multiplyExact(wt, win));
            }
            if (win > 0 || trig) hit += wt;
        }

        private void flush() {
            bw = bw.add(BigInteger.valueOf(w));
            bx = bx.add(BigInteger.valueOf(x));
            bx2 = bx2.add(BigInteger.valueOf(x2));
            brr = brr.add(BigInteger.valueOf(rr));
            bxr = bxr.add(BigInteger.valueOf(xr));
            bhit = bhit.add(BigInteger.valueOf(hit));
            w = x = x2 = rr = xr = hit = 0;
        }

        Moments result() {
            return new Moments(bw, bx, bx2, brr, bxr, bhit);
        }
    }

    /** Standard deviation per round (x total bet) from an enumeration, 6 places. */
    public static BigDecimal standardDeviation(ParSheet sheet) {
        return sheet.enumeration().orElseThrow(() -> new IllegalStateException("no enumeration")).standardDeviation();
    }
}
