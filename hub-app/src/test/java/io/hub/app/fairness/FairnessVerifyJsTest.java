package io.hub.app.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The browser's verifier (static/app/fairness-verify.js) against the worked example of docs/fairness.md §5, run with
 * Node's Web Crypto (the same API as the browser's). Skipped only when no {@code node} is on the PATH.
 */
class FairnessVerifyJsTest {
    private static final String SEED = "19f3430f0545117bc615ffce93e9358192b7af1e28f62936543f73f0b3f62036";

    @Test
    void workedExampleInWebCrypto() throws Exception {
        Assumptions.assumeTrue(onPath("node"), "node is not installed");
        Path module = Path.of("src/main/resources/static/app/fairness-verify.js").toAbsolutePath();
        String frame = "{\"type\":\"spinResult\",\"requestId\":\"r-1\",\"roundId\":\"0193a5c4-0000-7000-8000-000000000001\","
                + "\"gameId\":\"red-white-blue\",\"result\":[[\"2 bar\"],[\"Blank\"],[\"Blank\"]],\"bet\":\"1.00\",\"payout\":\"0.00\","
                + "\"balance\":\"99.00\",\"currency\":\"EUR\",\"balanceVersion\":3,\"spins\":[{\"index\":0,\"stops\":[23,51,57],"
                + "\"result\":[[\"2 bar\"],[\"Blank\"],[\"Blank\"]],\"multiplier\":1,\"win\":\"0.00\",\"wins\":[]}],"
                + "\"fairness\":{\"serverSeedHash\":\"efc28c9b5d748086495a7533a7ad250b897932851c1e5eaf090013d53ecbfa7e\","
                + "\"clientSeed\":\"player-seed\",\"nonce\":7},\"kid\":\"kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k\","
                + "\"signature\":\"pJLBO60FPXUX6-91Uc77s6_tr9AJ5zG8JKh194BguYJzyCqJacmHA4Y_JMGtW3Owuxuj9bFNjdSmBM50a2lZCg\"}";
        String script = "import * as f from '" + module.toUri() + "';\n"
                + "const jwk = {x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo'};\n"
                + "const frame = " + jsString(frame) + ";\n"
                + "const out = [];\n"
                + "out.push(await f.commitmentOf('" + SEED + "'));\n"
                + "const stops = []; for (let r = 0; r < 5; r++) stops.push(await f.reelValue('" + SEED + "', 'player-seed', 7, 0, r, 32));\n"
                + "out.push(stops.join(','));\n"
                + "out.push(await f.reelValue('" + SEED + "', 'player-seed', 7, 0, 1, 2 ** 31 + 1));\n"
                + "out.push(await f.reelValue('" + SEED + "', 'player-seed', 7, 485, 0, 2 ** 31 + 1));\n"
                + "out.push(await f.verifySignature(frame, jwk));\n"
                + "out.push(await f.verifySignature(frame.replace('\"payout\":\"0.00\"', '\"payout\":\"1.00\"'), jwk));\n"
                + "const round = {gameId: 'atkins-diet', serverSeed: '" + SEED + "', serverSeedHash: 'efc28c9b5d748086495a7533a7ad250b897932851c1e5eaf090013d53ecbfa7e',"
                + " clientSeed: 'player-seed', nonce: 7, spins: [{index: 0, stops: [23,19,25,2,1]}, {index: 1, stops: [13,11,3,9,8]}]};\n"
                + "out.push(JSON.stringify(await f.verifyRoundStops(round)));\n"
                + "round.spins[1].stops[4] = 9;\n"
                + "out.push(JSON.stringify(await f.verifyRoundStops(round)));\n"
                + "console.log(out.join('\\n'));\n";
        Process p = new ProcessBuilder("node", "--input-type=module", "-e", script).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(l -> !l.contains("ExperimentalWarning") && !l.contains("--trace-warnings")).toList()).containsExactly(
                "efc28c9b5d748086495a7533a7ad250b897932851c1e5eaf090013d53ecbfa7e",
                "23,19,25,2,1",
                "1452833494",
                "251499529",
                "true",
                "false",
                "{\"commitmentMatches\":true,\"stopsMatch\":true}",
                "{\"commitmentMatches\":true,\"stopsMatch\":false}");
    }

    private static String jsString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) if (new File(dir, exe).canExecute()) return true;
        return false;
    }
}
