package io.hub.games.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.games.InHouseGames;
import io.hub.games.fair.FairStopsTest;
import io.hub.games.fair.FairVerifier;
import io.hub.games.slot.SlotGame;
import io.hub.games.slot.SlotRound;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifySpinTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return VerifySpin.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String roundJson(SlotRound r, long payout) {
        String spins = r.allStops().stream().map(s -> "{\"stops\":" + s + "}").collect(Collectors.joining(","));
        return "{\"roundId\":\"r1\",\"gameId\":\"atkins-diet\",\"serverSeedHash\":\"" + FairStopsTest.COMMITMENT + "\",\"serverSeed\":\""
                + FairStopsTest.SEED + "\",\"clientSeed\":\"player-seed\",\"nonce\":4,\"spins\":[" + spins + "],\"betMinor\":20,"
                + "\"payoutMinor\":" + payout + ",\"currency\":\"EUR\",\"verified\":true}";
    }

    @Test
    void aRoundFileVerifies(@TempDir Path dir) throws Exception {
        SlotGame g = InHouseGames.loadResource("games/atkins-diet.json");
        SlotRound r = FairVerifier.recompute(g, FairStopsTest.SEED_BYTES, "player-seed", 4, 20);
        Path file = dir.resolve("round.json");
        Files.writeString(file, roundJson(r, r.payoutMinor()));
        assertThat(run("--round", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("commitment      matches " + FairStopsTest.COMMITMENT)
                .contains("paid spin 0     stops " + r.base().stops()).endsWith("VERIFIED\n");
    }

    @Test
    void aRoundPaidDifferentlyDoesNot(@TempDir Path dir) throws Exception {
        SlotGame g = InHouseGames.loadResource("games/atkins-diet.json");
        SlotRound r = FairVerifier.recompute(g, FairStopsTest.SEED_BYTES, "player-seed", 4, 20);
        Path file = dir.resolve("round.json");
        Files.writeString(file, roundJson(r, r.payoutMinor() + 20));
        assertThat(run("--round", file.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("payout          MISMATCH").endsWith("NOT VERIFIED\n");
    }

    @Test
    void commandLineInputsAndBadArguments() {
        assertThat(run("--game", "atkins-diet", "--server-seed", FairStopsTest.SEED, "--client-seed", "player-seed", "--nonce", "7",
                "--bet-minor", "20", "--stops", "23,19,25,2,1")).isZero(); // payout not given: a recomputation only
        assertThat(out.toString()).contains("paid spin 0     stops [23, 19, 25, 2, 1]").contains("RECOMPUTED");
        assertThat(run("--game", "atkins-diet")).isEqualTo(2);
        assertThat(err.toString()).contains("--server-seed").doesNotContain("Exception");
        assertThat(run("--game", "atkins-diet", "--server-seed", "xyz", "--client-seed", "a", "--nonce", "1", "--bet-minor", "20")).isEqualTo(2);
        assertThat(run("--round")).isEqualTo(2);
        assertThat(run("--game", "no-such-game", "--server-seed", FairStopsTest.SEED, "--client-seed", "a", "--nonce", "1",
                "--bet-minor", "20")).isEqualTo(2);
    }
}
