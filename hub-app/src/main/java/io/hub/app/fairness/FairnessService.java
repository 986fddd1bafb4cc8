package io.hub.app.fairness;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.app.games.GameCatalogue;
import io.hub.contracts.game.InHouseGame;
import io.hub.contracts.game.RandomSource;
import io.hub.contracts.game.SpinOutcome;
import io.hub.contracts.lobby.SpinFairness;
import io.hub.games.fair.FairRandomSource;
import io.hub.games.fair.FairSeeds;
import io.hub.games.fair.FairVerifier;
import io.hub.games.rng.DrbgRandomSource;
import io.hub.games.slot.SlotGame;
import io.hub.games.slot.SlotRound;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-player seeds of the provably fair scheme (docs/fairness.md, table {@code fair_seed}, V6) and the fair draw of
 * every in-house spin.
 *
 * <p>Each player has at most one active (unrevealed) server seed: 32 bytes from the hub's DRBG, stored only sealed
 * ({@link SeedVault}) with its SHA-256 commitment in clear; the client seed (default 16 random hex characters) and
 * the next nonce sit on the same row. A spin takes the row's next nonce and increments it in the spin's own database
 * transaction ({@link #draw}), so a rolled-back spin leaves the nonce unused and a paid spin's nonce is never used
 * again (unique index {@code game_round (server_seed_hash, nonce)}). Rotation reveals the seed (stored in clear from
 * then on) and starts a new one with nonce 0 and the same client seed.
 */
@Service
public class FairnessService {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SeedVault vault;
    private final GameCatalogue games;
    private final ObjectMapper json;
    private final IntSupplier words;

    public FairnessService(JdbcTemplate jdbc, TransactionTemplate tx, SeedVault vault, GameCatalogue games, ObjectMapper json,
                           RandomSource rng) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.vault = vault;
        this.games = games;
        this.json = json;
        // the hub's certified DRBG (GamesConfig) draws server seeds and default client seeds
        DrbgRandomSource drbg = rng instanceof DrbgRandomSource d ? d : new DrbgRandomSource();
        this.words = drbg::nextRawWord;
    }

    /** {@code {"serverSeedHash","clientSeed","nonce"}}: the player's current commitment, client seed and next nonce. */
    public record Current(String serverSeedHash, String clientSeed, long nonce) {
    }

    /**
     * {@code POST /fairness/rotate}.
     *
     * @param revealed the seed just retired, now revealed
     * @param current  the new committed seed
     */
    public record Rotation(Revealed revealed, Current current) {
    }

    /**
     * @param serverSeed     64 lowercase hex characters
     * @param serverSeedHash its SHA-256, the commitment shown while it was active
     * @param clientSeed     the client seed in force at rotation (each round records its own)
     * @param lastNonce      the nonce of the last round played with this seed, or null when none was
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Revealed(String serverSeed, String serverSeedHash, String clientSeed, Long lastNonce) {
    }

    /** The fair outcome of one spin and the inputs it came from. */
    public record FairDraw(SpinOutcome outcome, SpinFairness fairness) {
    }

    private record ActiveSeed(UUID id, String hash, byte[] sealed, String clientSeed, long nonce) {
    }

    /** The player's current seed, created on first use. */
    public Current current(UUID playerId) {
        return tx.execute(s -> {
            ActiveSeed a = active(playerId, false);
            return new Current(a.hash(), a.clientSeed(), a.nonce());
        });
    }

    /**
     * Sets the client seed of the current server seed; the nonce continues.
     *
     * @throws IllegalArgumentException when the client seed is not 1..64 printable ASCII characters
     */
    public Current setClientSeed(UUID playerId, String clientSeed) {
        FairSeeds.checkClientSeed(clientSeed).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        return tx.execute(s -> {
            ActiveSeed a = active(playerId, true);
            jdbc.update("UPDATE fair_seed SET client_seed = ? WHERE id = ?", clientSeed, a.id());
            return new Current(a.hash(), clientSeed, a.nonce());
        });
    }

    /** Reveals the current server seed and commits to a new one (nonce 0, same client seed). */
    public Rotation rotate(UUID playerId) {
        return tx.execute(s -> {
            ActiveSeed a = active(playerId, true);
            byte[] seed = vault.open(a.sealed(), aad(a.id()));
            String hex = FairSeeds.hex(seed);
            Arrays.fill(seed, (byte) 0);
            jdbc.update("UPDATE fair_seed SET server_seed = ?, revealed_at = clock_timestamp() WHERE id = ?", hex, a.id());
            ActiveSeed next = insertSeed(playerId, a.clientSeed());
            return new Rotation(new Revealed(hex, a.hash(), a.clientSeed(), a.nonce() == 0 ? null : a.nonce() - 1),
                    new Current(next.hash(), next.clientSeed(), next.nonce()));
        });
    }

    /**
     * Draws a spin's outcome from the player's current seed, client seed and next nonce, and uses up that nonce.
     * Must run inside the spin's database transaction (the nonce increment commits or rolls back with the spin).
     *
     * @throws IllegalStateException outside a transaction
     */
    public FairDraw draw(UUID playerId, InHouseGame game, long betMinor) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a fair draw must run in the spin's database transaction");
        }
        ActiveSeed a = advance(playerId);
        byte[] seed = vault.open(a.sealed(), aad(a.id()));
        try {
            RandomSource rng = new FairRandomSource(seed, a.clientSeed(), a.nonce(), game.descriptor().reels());
            SpinOutcome outcome = game.play(rng, betMinor);
            return new FairDraw(outcome, new SpinFairness(a.hash(), a.clientSeed(), a.nonce()));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Locks the active seed and takes its next nonce (one statement), creating the seed on first use. */
    private ActiveSeed advance(UUID playerId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            List<ActiveSeed> rows = jdbc.query("UPDATE fair_seed SET next_nonce = next_nonce + 1 WHERE player_id = ? AND revealed_at IS NULL "
                            + "RETURNING id, server_seed_hash, server_seed_sealed, client_seed, next_nonce - 1",
                    (rs, i) -> new ActiveSeed(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3), rs.getString(4), rs.getLong(5)),
                    playerId);
            if (!rows.isEmpty()) return rows.get(0);
            // none yet, or a rotation committed while we waited (its new row was not in our snapshot): look again
            insertSeed(playerId, null);
        }
        throw new IllegalStateException("no active server seed for player " + playerId);
    }

    /** The active seed (locked when {@code lock}), created on first use. */
    private ActiveSeed active(UUID playerId, boolean lock) {
        for (int attempt = 0; attempt < 3; attempt++) {
            List<ActiveSeed> rows = jdbc.query("SELECT id, server_seed_hash, server_seed_sealed, client_seed, next_nonce FROM fair_seed "
                            + "WHERE player_id = ? AND revealed_at IS NULL" + (lock ? " FOR UPDATE" : ""),
                    (rs, i) -> new ActiveSeed(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3), rs.getString(4), rs.getLong(5)),
                    playerId);
            if (!rows.isEmpty()) return rows.get(0);
            insertSeed(playerId, null);
        }
        throw new IllegalStateException("no active server seed for player " + playerId);
    }

    /** A new committed seed (client seed given, or 16 random hex characters); nothing when one is active already. */
    private ActiveSeed insertSeed(UUID playerId, String clientSeed) {
        UUID id = UUID.randomUUID();
        byte[] seed = FairSeeds.newServerSeed(words);
        String cs = clientSeed != null ? clientSeed : FairSeeds.newClientSeed(words);
        String hash = FairSeeds.commitment(seed);
        byte[] sealed = vault.seal(seed, aad(id));
        Arrays.fill(seed, (byte) 0);
        jdbc.update("INSERT INTO fair_seed (id, player_id, server_seed_hash, server_seed_sealed, client_seed) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (player_id) WHERE revealed_at IS NULL DO NOTHING", id, playerId, hash, sealed, cs);
        return new ActiveSeed(id, hash, sealed, cs, 0);
    }

    private static String aad(UUID seedId) {
        return "fair_seed:" + seedId;
    }

    // ------------------------------------------------------------------ rounds

    /** A stored round with the seed it was played from (revealed or not). */
    private record StoredRound(UUID id, UUID playerId, String gameId, String currency, long betMinor, long payoutMinor,
                               JsonNode outcome, String serverSeedHash, String clientSeed, Long nonce, String serverSeed) {
        List<List<Integer>> spinStops() {
            List<List<Integer>> out = new ArrayList<>();
            JsonNode spins = outcome.path("spins");
            if (spins.isArray() && !spins.isEmpty()) {
                for (JsonNode s : spins) out.add(ints(s.path("stops")));
            } else {
                out.add(ints(outcome.path("stops"))); // a round stored before per-spin detail: the paid spin only
            }
            return out;
        }

        List<Long> spinWins() {
            List<Long> out = new ArrayList<>();
            JsonNode spins = outcome.path("spins");
            if (spins.isArray() && !spins.isEmpty()) for (JsonNode s : spins) out.add(s.path("winMinor").asLong());
            else out.add(payoutMinor);
            return out;
        }

        private static List<Integer> ints(JsonNode a) {
            List<Integer> out = new ArrayList<>();
            a.forEach(n -> out.add(n.asInt()));
            return out;
        }
    }

    private Optional<StoredRound> load(UUID roundId) {
        return jdbc.query("SELECT r.id, r.player_id, r.game_id, r.currency, r.bet_minor, r.payout_minor, r.outcome::text, "
                        + "r.server_seed_hash, r.client_seed, r.nonce, s.server_seed "
                        + "FROM game_round r LEFT JOIN fair_seed s ON s.server_seed_hash = r.server_seed_hash WHERE r.id = ?",
                (rs, i) -> new StoredRound(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4).trim(), rs.getLong(5), rs.getLong(6), readTree(rs.getString(7)), rs.getString(8),
                        rs.getString(9), rs.getObject(10) == null ? null : rs.getLong(10), rs.getString(11)),
                roundId).stream().findFirst();
    }

    /**
     * {@code GET /fairness/rounds/{roundId}}: amounts are integer minor units of {@code currency}.
     *
     * @param serverSeed null until the player rotates the seed
     * @param verified   null before the reveal; then whether the seeds reproduce the stored stops and the payout
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RoundView(String roundId, String gameId, String serverSeedHash, String serverSeed, String clientSeed, Long nonce,
                            List<SpinView> spins, long betMinor, long payoutMinor, String currency, Boolean verified) {
    }

    /** One spin: index 0 = paid spin, 1.. = free spins; {@code winMinor} multiplier applied. */
    public record SpinView(int index, List<Integer> stops, long winMinor) {
    }

    /** The round if it is {@code playerId}'s. */
    public Optional<RoundView> round(UUID playerId, UUID roundId) {
        return load(roundId).filter(r -> r.playerId().equals(playerId)).map(r -> {
            List<List<Integer>> stops = r.spinStops();
            List<Long> wins = r.spinWins();
            List<SpinView> spins = new ArrayList<>();
            for (int i = 0; i < stops.size(); i++) spins.add(new SpinView(i, stops.get(i), wins.get(i)));
            Boolean verified = null;
            if (r.serverSeed() != null) verified = verify(r).map(FairVerifier.Verification::verified).orElse(false);
            return new RoundView(r.id().toString(), r.gameId(), r.serverSeedHash(), r.serverSeed(), r.clientSeed(), r.nonce(), spins,
                    r.betMinor(), r.payoutMinor(), r.currency(), verified);
        });
    }

    private Optional<FairVerifier.Verification> verify(StoredRound r) {
        if (r.serverSeed() == null || r.nonce() == null) return Optional.empty();
        Optional<InHouseGame> g = games.inHouseGame(r.gameId());
        if (g.isEmpty() || !(g.get() instanceof SlotGame game)) return Optional.empty();
        return Optional.of(FairVerifier.verify(game, r.serverSeed(), new FairVerifier.PaidRound(r.serverSeedHash(), r.clientSeed(),
                r.nonce(), r.betMinor(), r.spinStops(), r.payoutMinor())));
    }

    /**
     * {@code GET /operator/rounds/{roundId}/replay}: the stored stops re-evaluated through the engine.
     *
     * @param paidPayoutMinor     what the ledger paid (game_round.payout_minor)
     * @param replayedPayoutMinor what the engine pays for the stored stops (null when they cannot be replayed)
     * @param matches             every spin's win and the payout agree
     * @param problems            one line per disagreement, empty when it matches
     * @param fairness            the seed inputs, with the provably fair check once the seed is revealed
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ReplayView(String roundId, String playerId, String gameId, String currency, long betMinor, long paidPayoutMinor,
                             Long replayedPayoutMinor, boolean matches, List<ReplaySpin> spins, List<String> problems,
                             FairnessCheck fairness) {
    }

    /**
     * @param paidWinMinor     the win stored for this spin
     * @param replayedWinMinor the engine's win for the stored stops
     * @param wins             the engine's paying combinations for this spin (amounts in minor units)
     */
    public record ReplaySpin(int index, List<Integer> stops, int multiplier, long paidWinMinor, long replayedWinMinor, boolean matches,
                             List<SpinOutcome.Win> wins) {
    }

    /**
     * @param revealed whether the server seed has been revealed
     * @param verified null before the reveal; then whether the seeds reproduce the stored stops and payout
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FairnessCheck(String serverSeedHash, String clientSeed, Long nonce, boolean revealed, Boolean verified) {
    }

    /** The audit replay of any player's round. */
    public Optional<ReplayView> replay(UUID roundId) {
        return load(roundId).map(r -> {
            List<List<Integer>> stops = r.spinStops();
            List<Long> paidWins = r.spinWins();
            List<String> problems = new ArrayList<>();
            List<ReplaySpin> spins = new ArrayList<>();
            Long replayedPayout = null;
            Optional<InHouseGame> g = games.inHouseGame(r.gameId());
            if (g.isEmpty() || !(g.get() instanceof SlotGame game)) {
                problems.add("game " + r.gameId() + " is not a slot this hub can replay");
            } else {
                try {
                    SlotRound round = game.replayRound(stops, r.betMinor(), game.lobbyCoins());
                    replayedPayout = round.payoutMinor();
                    List<SlotRound.Spin> all = round.allSpins();
                    for (int i = 0; i < all.size(); i++) {
                        SlotRound.Spin s = all.get(i);
                        boolean same = s.winMinor() == paidWins.get(i);
                        if (!same) problems.add("spin " + i + ": the engine pays " + s.winMinor() + ", stored " + paidWins.get(i));
                        spins.add(new ReplaySpin(i, s.stops(), s.multiplier(), paidWins.get(i), s.winMinor(), same, s.wins()));
                    }
                    if (round.payoutMinor() != r.payoutMinor()) {
                        problems.add("the engine pays " + round.payoutMinor() + " for the round, the ledger paid " + r.payoutMinor());
                    }
                } catch (IllegalArgumentException e) {
                    problems.add("the stored stops cannot be replayed: " + e.getMessage());
                }
            }
            Boolean verified = r.serverSeed() == null ? null : verify(r).map(FairVerifier.Verification::verified).orElse(false);
            FairnessCheck fc = new FairnessCheck(r.serverSeedHash(), r.clientSeed(), r.nonce(), r.serverSeed() != null, verified);
            return new ReplayView(r.id().toString(), r.playerId().toString(), r.gameId(), r.currency(), r.betMinor(), r.payoutMinor(),
                    replayedPayout, problems.isEmpty(), spins, problems, fc);
        });
    }

    private JsonNode readTree(String s) {
        try {
            return json.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored round outcome unreadable", e);
        }
    }
}
