package io.hub.games.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.games.InHouseGames;
import io.hub.games.fair.FairSeeds;
import io.hub.games.fair.FairVerifier;
import io.hub.games.fair.SpinSignature;
import io.hub.games.slot.SlotGame;
import io.hub.games.slot.SlotRound;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes a past provably fair spin from the revealed server seed and says whether it matches what was paid
 * (docs/fairness.md). Optionally checks the Ed25519 signature of the spin's {@code spinResult} frame.
 *
 * <pre>
 * VerifySpin --round round.json [--server-seed HEX] [--frame frame.json --jwk key.json]
 * VerifySpin --game atkins-diet --server-seed HEX --client-seed S --nonce N --bet-minor B
 *            [--server-seed-hash HEX] [--stops "s,s,s,s,s;s,s,s,s,s"] [--payout-minor P]
 * </pre>
 *
 * {@code round.json} is the answer of {@code GET /fairness/rounds/{roundId}} (its {@code serverSeed} is filled
 * once the seed is revealed; {@code --server-seed} supplies it otherwise, e.g. from {@code POST /fairness/rotate}).
 * {@code frame.json} is the {@code spinResult} frame as received; {@code key.json} the JWK of
 * {@code GET /fairness/signing-key}. {@code --game} takes a built-in game id or a definition file.
 *
 * <p>Exit codes: 0 verified (or recomputed when nothing was given to compare), 1 not verified, 2 bad arguments.
 */
public final class VerifySpin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USAGE = "usage: VerifySpin --round round.json [--server-seed HEX] [--frame frame.json --jwk key.json]\n"
            + "       VerifySpin --game ID|FILE --server-seed HEX --client-seed S --nonce N --bet-minor B"
            + " [--server-seed-hash HEX] [--stops \"s,s,s;s,s,s\"] [--payout-minor P]";

    private VerifySpin() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) System.exit(code);
    }

    /** Testable entry point; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println(USAGE);
                return 2;
            }
            opt.put(args[i].substring(2), args[++i]);
        }
        try {
            return verify(opt, out);
        } catch (IllegalArgumentException | io.hub.games.slot.GameDefinitionException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("error: cannot read " + e.getMessage());
            return 2;
        }
    }

    private static int verify(Map<String, String> opt, PrintStream out) throws IOException {
        String gameRef;
        String seed = opt.get("server-seed");
        String hash = opt.get("server-seed-hash");
        String clientSeed;
        long nonce;
        long betMinor;
        List<List<Integer>> stops = null;
        Long payout = null;
        JsonNode round = null;
        if (opt.containsKey("round")) {
            round = JSON.readTree(Files.readString(Path.of(opt.get("round"))));
            gameRef = text(round, "gameId");
            if (seed == null && round.path("serverSeed").isTextual()) seed = round.get("serverSeed").asText();
            if (hash == null) hash = text(round, "serverSeedHash");
            clientSeed = text(round, "clientSeed");
            nonce = number(round, "nonce");
            betMinor = number(round, "betMinor");
            payout = number(round, "payoutMinor");
            stops = new ArrayList<>();
            for (JsonNode s : round.path("spins")) {
                List<Integer> one = new ArrayList<>();
                s.path("stops").forEach(n -> one.add(n.asInt()));
                stops.add(one);
            }
        } else {
            gameRef = required(opt, "game");
            clientSeed = required(opt, "client-seed");
            nonce = parseLong(required(opt, "nonce"), "nonce");
            betMinor = parseLong(required(opt, "bet-minor"), "bet-minor");
            if (opt.containsKey("payout-minor")) payout = parseLong(opt.get("payout-minor"), "payout-minor");
            if (opt.containsKey("stops")) stops = parseStops(opt.get("stops"));
        }
        if (seed == null) throw new IllegalArgumentException("the server seed is not revealed yet: rotate it (POST /fairness/rotate) and pass --server-seed");
        SlotGame game = Files.isRegularFile(Path.of(gameRef)) ? InHouseGames.load(Path.of(gameRef))
                : InHouseGames.loadResource("games/" + gameRef + ".json");
        byte[] seedBytes = FairSeeds.parseServerSeed(seed);
        out.println("game            " + game.descriptor().gameId());
        out.println("server seed     " + seed);
        out.println("SHA-256(seed)   " + FairSeeds.commitment(seedBytes));
        out.println("client seed     " + clientSeed);
        out.println("nonce           " + nonce);
        out.println("bet (minor)     " + betMinor);
        boolean ok = true;
        if (hash == null || stops == null || payout == null) {
            SlotRound r = FairVerifier.recompute(game, seedBytes, clientSeed, nonce, betMinor);
            printSpins(r, out);
            out.println("payout (minor)  " + r.payoutMinor());
            if (hash != null && !hash.equals(FairSeeds.commitment(seedBytes))) {
                out.println("commitment      MISMATCH (shown before play: " + hash + ")");
                ok = false;
            }
            if (!opt.containsKey("frame")) {
                out.println(ok ? "RECOMPUTED (nothing paid was given to compare with)" : "NOT VERIFIED");
                return ok ? 0 : 1;
            }
        } else {
            FairVerifier.Verification v = FairVerifier.verify(game, seed,
                    new FairVerifier.PaidRound(hash, clientSeed, nonce, betMinor, stops, payout));
            if (v.recomputed() != null) printSpins(v.recomputed(), out);
            out.println("commitment      " + (v.commitmentMatches() ? "matches " : "MISMATCH ") + hash);
            out.println("stops           " + (v.stopsMatch() ? "match the recorded stops of all " + stops.size() + " spin(s)" : "MISMATCH"));
            out.println("payout          " + (v.payoutMatches() ? "matches the paid " + payout : "MISMATCH (paid " + payout + ")"));
            v.problems().forEach(p -> out.println("  problem: " + p));
            ok = v.verified();
        }
        if (opt.containsKey("frame")) {
            JsonNode frame = JSON.readTree(Files.readString(Path.of(opt.get("frame"))));
            PublicKey key = SpinSignature.publicKey(JSON.readTree(Files.readString(Path.of(required(opt, "jwk")))));
            boolean sigOk = SpinSignature.verify(key, frame);
            out.println("signature       " + (sigOk ? "valid (Ed25519, kid " + frame.path("kid").asText() + ")" : "INVALID"));
            JsonNode f = frame.path("fairness");
            boolean same = f.path("serverSeedHash").asText().equals(hash) && f.path("clientSeed").asText().equals(clientSeed)
                    && f.path("nonce").asLong(-1) == nonce;
            if (round != null) same &= frame.path("roundId").asText().equals(round.path("roundId").asText());
            out.println("frame           " + (same ? "names the same round, commitment, client seed and nonce" : "MISMATCH with the round"));
            ok &= sigOk && same;
        }
        out.println(ok ? "VERIFIED" : "NOT VERIFIED");
        return ok ? 0 : 1;
    }

    private static void printSpins(SlotRound r, PrintStream out) {
        List<SlotRound.Spin> all = r.allSpins();
        for (int i = 0; i < all.size(); i++) {
            SlotRound.Spin s = all.get(i);
            out.println((i == 0 ? "paid spin 0     " : String.format("free spin %-6d", i)) + "stops " + s.stops()
                    + " win " + s.winMinor() + (s.multiplier() > 1 ? " (x" + s.multiplier() + ")" : ""));
        }
    }

    private static List<List<Integer>> parseStops(String s) {
        List<List<Integer>> out = new ArrayList<>();
        for (String spin : s.split(";")) {
            List<Integer> one = new ArrayList<>();
            for (String x : spin.split(",")) one.add(Integer.parseInt(x.trim()));
            out.add(one);
        }
        return out;
    }

    private static String required(Map<String, String> opt, String name) {
        String v = opt.get(name);
        if (v == null) throw new IllegalArgumentException("--" + name + " is required");
        return v;
    }

    private static String text(JsonNode n, String field) {
        if (!n.path(field).isTextual()) throw new IllegalArgumentException("the round file has no \"" + field + "\"");
        return n.get(field).asText();
    }

    private static long number(JsonNode n, String field) {
        if (!n.path(field).isIntegralNumber()) throw new IllegalArgumentException("the round file has no integer \"" + field + "\"");
        return n.get(field).asLong();
    }

    private static long parseLong(String s, String what) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + what + " must be an integer");
        }
    }
}
