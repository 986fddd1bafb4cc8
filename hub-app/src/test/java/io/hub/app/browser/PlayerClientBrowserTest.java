package io.hub.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The player's page in real headless Chromium against the whole hub: login, lobby, the in-house slot, live balance
 * pushes, bet validation, history, reconnection without a replayed spin, the in-browser fairness maths, and the
 * screenshots at phone and desktop sizes.
 */
class PlayerClientBrowserTest extends BrowserTestSupport {
    @org.springframework.beans.factory.annotation.Autowired
    io.hub.app.lobby.LobbySessions sessions;

    @Test
    @SuppressWarnings("unchecked")
    void demoLogsInSeesTheLobbySpinsUntilAWinAndSeesAServerSideCreditPushed() {
        openPage();
        assertControlsLabelled("the login form");
        // required fields are checked before anything is sent
        $("#login-submit").click();
        waitUntil("the required-fields message", () -> $("#login-error").isDisplayed());
        assertThat($("#login-error").getText()).isEqualTo("Enter your username and password.");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("login-username");
        // a wrong password is refused on the page
        $("#login-username").sendKeys("demo");
        $("#login-password").sendKeys("wrong", Keys.ENTER);
        waitUntil("the login error", () -> $("#login-error").isDisplayed());
        assertThat($("#login-error").getText()).isEqualTo("Wrong username or password.");
        $("#login-password").clear();
        logIn("demo", "demo");

        // the lobby: every game with provider, RTP, volatility and limits; filters
        assertThat($$("#games li")).extracting(e -> e.getDomAttribute("data-game-id")).contains("red-white-blue", "atkins-diet");
        WebElement atkins = $("#games li[data-game-id='atkins-diet']");
        assertThat(atkins.findElement(org.openqa.selenium.By.cssSelector("dd.provider")).getText()).isEqualTo("hub");
        assertThat(atkins.findElement(org.openqa.selenium.By.cssSelector("dd.rtp")).getText()).isEqualTo("97.05%");
        assertThat(atkins.findElement(org.openqa.selenium.By.cssSelector("dd.bets")).getText()).isEqualTo("€0.20 – €100.00");
        assertThat($("#games li[data-game-id='red-white-blue'] dd.rtp").getText()).isEqualTo("86.58%");
        assertThat($("#games li[data-game-id='red-white-blue'] dd.volatility").getText()).isIn("low", "medium", "high");
        int all = $$("#games li").size();
        new Select($("#filter-provider")).selectByValue("hub");
        assertThat($$("#games li")).allMatch(li -> "hub".equals(li.getDomAttribute("data-provider")));
        new Select($("#filter-type")).selectByValue("slot");
        assertThat($("#games-count").getText()).endsWith("of " + all + " games");
        new Select($("#filter-provider")).selectByValue("");
        new Select($("#filter-type")).selectByValue("");
        assertThat($$("#games li")).hasSize(all);
        assertControlsLabelled("the lobby");

        String token = accessTokenOnPage();
        UUID demo = playerId("demo");
        assertThat(pageBalance()).isEqualByComparingTo(serverBalance(token));

        // the slot: reels from the definition (5 reels x 3 rows), spin until a win
        openSlot("atkins-diet");
        assertThat($$("#reels .reel")).hasSize(5);
        assertThat($$("#reels .reel").get(0).findElements(org.openqa.selenium.By.cssSelector(".symbol"))).hasSize(3);
        assertThat($("#bet").getDomProperty("value")).isEqualTo("0.20");
        assertThat($("#bet-help").getText()).isEqualTo("From 0.20 to 100.00 EUR, in steps of 0.20.");
        long roundsBefore = rounds(demo);
        long framesBefore = spinFramesSent();
        // the first spin from the keyboard: Enter in the bet field submits the form
        BigDecimal before = pageBalance();
        $("#bet").sendKeys(Keys.ENTER);
        waitUntil("the keyboard spin", () -> js("return window.__hub.state().round.last") != null
                && js("return window.__hub.state().round.pending") == null);
        Map<String, Object> last = result();
        int spins = 1;
        while (isZero((String) last.get("payout"))) {
            assertThat(spins).as("a win within 150 spins of Atkins Diet (hit rate well above 10%)").isLessThan(150);
            before = pageBalance();
            last = spinOnce();
            spins++;
        }
        BigDecimal payout = new BigDecimal((String) last.get("payout"));
        assertThat(payout).isPositive();
        BigDecimal expected = before.subtract(new BigDecimal("0.20")).add(payout);
        waitUntil("the balance after the win", () -> pageBalance().compareTo(expected) == 0);
        assertThat(serverBalance(token)).isEqualByComparingTo(expected);
        assertThat($("#win").getText()).startsWith("You win €").contains(((String) last.get("payout")));
        assertThat($("#win").getDomAttribute("class")).contains("won");
        assertThat($$("#reels .symbol")).extracting(WebElement::getText)
                .containsExactlyElementsOf(flatten((List<List<String>>) last.get("result")));
        // one round per click, server-side
        assertThat(rounds(demo) - roundsBefore).isEqualTo(spins);
        assertThat(spinFramesSent() - framesBefore).isEqualTo(spins);

        // a server-side credit (operator adjustment) is pushed to the open page
        BigDecimal beforeCredit = pageBalance();
        long framesBeforeCredit = (Long) js("return window.__hub.framesSent().length");
        credit(demo, "12.34");
        waitUntil("the pushed balance", () -> pageBalance().compareTo(beforeCredit.add(new BigDecimal("12.34"))) == 0);
        assertThat((Long) js("return window.__hub.framesSent().length")).as("the page asked nothing: it was pushed")
                .isEqualTo(framesBeforeCredit);

        // invalid bets are refused in the form, before anything is sent
        long roundsNow = rounds(demo);
        long framesNow = spinFramesSent();
        Map<String, String> refused = Map.of(
                "0.25", "The bet must be a multiple of 0.20 EUR.",
                "0.10", "The minimum bet is 0.20 EUR.",
                "100.20", "The maximum bet is 100.00 EUR.",
                "1.234", "Bet can have at most 2 decimal places.",
                "1,20", "Bet must be a number such as 10.00.",
                "", "Bet is required.");
        refused.forEach((bet, message) -> {
            setBet(bet);
            $("#spin").click();
            waitUntil("the message for bet '" + bet + "'", () -> $("#bet-error").isDisplayed() && $("#bet-error").getText().equals(message));
            assertThat($("#bet").getDomAttribute("aria-invalid")).isEqualTo("true");
        });
        assertThat(spinFramesSent()).isEqualTo(framesNow);
        assertThat(rounds(demo)).isEqualTo(roundsNow);
        // the +/- buttons stay within limits and on the step
        setBet("99.90");
        $("#bet-up").click();
        assertThat($("#bet").getDomProperty("value")).isEqualTo("100.00");
        setBet("0.20");
        $("#bet-down").click();
        assertThat($("#bet").getDomProperty("value")).isEqualTo("0.20");
        $("#bet-up").click();
        assertThat($("#bet").getDomProperty("value")).isEqualTo("0.40");

        // history: newest first, paged by 10 (played enough for two pages first), the latest credit on top
        setBet("0.20");
        while (transactions(demo) <= 10) spinOnce();
        credit(demo, "12.34");
        long total = transactions(demo);
        $("#nav button[data-view='history']").click();
        waitUntil("the history", () -> $("#view-history").isDisplayed() && !$$("#history tbody tr[data-transaction-id]").isEmpty());
        WebElement first = $$("#history tbody tr[data-transaction-id]").get(0);
        assertThat(first.getText()).contains("Adjustment");
        assertThat(first.findElement(org.openqa.selenium.By.cssSelector("td.num")).getDomAttribute("data-amount")).isEqualTo("12.34");
        assertThat($$("#history tbody tr")).hasSize(10);
        String firstId = first.getDomAttribute("data-transaction-id");
        $("#history-next").click();
        waitUntil("page 2", () -> $("#history-page").getText().equals("Page 2"));
        assertThat($$("#history tbody tr[data-transaction-id]")).hasSize((int) Math.min(10, total - 10))
                .noneMatch(tr -> firstId.equals(tr.getDomAttribute("data-transaction-id")));
        assertThat($("#history-prev").isEnabled()).isTrue();
        assertControlsLabelled("the history");
        assertLedgerBalanced();
    }

    @Test
    void aDroppedConnectionReconnectsWithAFreshTokenShowsTheRightBalanceAndNeverReplaysASpin() {
        TestPlayer p = newPlayer("EUR", "50.00");
        openPage();
        logIn(p.username(), p.password());
        String token = accessTokenOnPage();
        openSlot("red-white-blue");
        setBet("1.00");
        spinOnce();

        // the connection dies right after the next spin's frame left, before its answer
        js("window.__hub.dropAfterNextSpin()");
        $("#spin").click();
        String droppedId = (String) js("return window.__hub.state().round.pending.requestId");
        waitUntil("the reconnection and the dropped spin's answer", () -> {
            Object s = js("const s = window.__hub.state(); return s.connection === 'open' && s.connects >= 2 && !s.round.pending"
                    + " && s.round.last.requestId === arguments[0]", droppedId);
            return Boolean.TRUE.equals(s);
        });
        // the same requestId was sent again (for its stored answer), never a new one
        @SuppressWarnings("unchecked")
        List<String> spinIds = (List<String>) js("return window.__hub.framesSent().filter(f => f.action === 'spin').map(f => f.requestId)");
        assertThat(spinIds).hasSize(3);
        assertThat(spinIds.subList(1, 3)).containsOnly(droppedId);

        // a drop while money arrives: the page re-reads the balance after reconnecting
        js("window.__hub.dropConnection()");
        credit(p.id(), "5.00");
        waitUntil("the third connection", () -> Boolean.TRUE.equals(js("const s = window.__hub.state(); return s.connection === 'open' && s.connects >= 3")));
        BigDecimal server = serverBalance(token);
        waitUntil("the right balance after reconnecting", () -> pageBalance().compareTo(server) == 0);

        // the hub closes the socket (a node going away): same recovery
        assertThat(closeServerSide(p.id())).isEqualTo(1);
        credit(p.id(), "0.50");
        waitUntil("the fourth connection", () -> Boolean.TRUE.equals(js("const s = window.__hub.state(); return s.connection === 'open' && s.connects >= 4")));
        BigDecimal afterClose = serverBalance(token);
        waitUntil("the right balance after the server closed the socket", () -> pageBalance().compareTo(afterClose) == 0);
        assertThat(afterClose).isEqualByComparingTo(server.add(new BigDecimal("0.50")));

        // server side: two clicks, two rounds, two bets; the dropped spin played exactly once
        assertThat(rounds(p.id())).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM game_round WHERE player_id = ? AND request_id = ?", Long.class,
                p.id(), droppedId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_transaction WHERE player_id = ? AND reason = 'BET_RESERVED'",
                Long.class, p.id())).isEqualTo(2);
        BigDecimal payouts = jdbc.queryForObject("SELECT coalesce(sum(payout_minor), 0) FROM game_round WHERE player_id = ?",
                BigDecimal.class, p.id()).movePointLeft(2);
        assertThat(server).isEqualByComparingTo(new BigDecimal("50.00").subtract(new BigDecimal("2.00")).add(payouts).add(new BigDecimal("5.00")));
        assertThat(pageBalance()).isEqualByComparingTo(afterClose);
        // every reconnection used a fresh single-use token
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ws_token WHERE user_id = ? AND used_at IS NOT NULL", Long.class, p.id()))
                .isGreaterThanOrEqualTo(4);
        assertLedgerBalanced();
    }

    /**
     * The cashier's Idempotency-Key rule, with the payments API answered inside the page (its server side is on
     * another branch; the tagged test in {@link PendingFeaturesBrowserTest} runs it for real): a double click sends
     * one request; a retry after a network failure reuses the attempt's key; a new submit after an answer gets a
     * new key.
     */
    @Test
    @SuppressWarnings("unchecked")
    void cashierSendsOneRequestPerAttemptAndKeepsTheKeyForARetry() {
        TestPlayer p = newPlayer("EUR", "40.00");
        openPage();
        logIn(p.username(), p.password());
        js("""
                window.__calls = [];
                const realFetch = window.fetch;
                const json = (body, status) => new Response(JSON.stringify(body), {status, headers: {'Content-Type': 'application/json'}});
                window.fetch = async (url, init = {}) => {
                  const u = String(url);
                  if (u === '/payments/deposits' && init.method === 'POST') {
                    window.__calls.push({key: init.headers['Idempotency-Key'] ?? null, body: init.body});
                    await new Promise(r => setTimeout(r, 300));
                    if (window.__failNext) { window.__failNext = false; throw new TypeError('network down'); }
                    return json({depositId: 'd-' + window.__calls.length, status: 'SUCCEEDED', amount: JSON.parse(init.body).amount,
                                 currency: 'EUR', redirectUrl: null}, 201);
                  }
                  if (u.startsWith('/payments?')) return json({items: [], page: 0, size: 20}, 200);
                  if (u === '/kyc') return json({status: 'APPROVED'}, 200);
                  return realFetch(url, init);
                };""");
        $("#nav button[data-view='cashier']").click();
        waitUntil("the KYC status", () -> "APPROVED".equals($("#kyc-status").getDomAttribute("data-status")));
        assertThat($("#kyc-status").getText()).isEqualTo("approved");

        $("#deposit-amount").sendKeys("10.00");
        new org.openqa.selenium.interactions.Actions(driver).doubleClick($("#deposit-submit")).perform();
        waitUntil("the first deposit", () -> "SUCCEEDED".equals($("#deposit-status").getDomAttribute("data-status")));
        List<Map<String, Object>> calls = (List<Map<String, Object>>) js("return window.__calls");
        assertThat(calls).as("a double click sends one request").hasSize(1);
        assertThat((String) calls.get(0).get("body")).isEqualTo("{\"amount\":\"10.00\",\"currency\":\"EUR\"}");
        String firstKey = (String) calls.get(0).get("key");
        assertThat(firstKey).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

        js("window.__failNext = true");
        $("#deposit-amount").sendKeys("5.00");
        $("#deposit-submit").click();
        waitUntil("the network failure", () -> "ERROR".equals($("#deposit-status").getDomAttribute("data-status")));
        $("#deposit-submit").click();
        waitUntil("the retried deposit", () -> "SUCCEEDED".equals($("#deposit-status").getDomAttribute("data-status")));
        $("#deposit-amount").sendKeys("5.00");
        $("#deposit-submit").click();
        waitUntil("the third request", () -> ((List<?>) js("return window.__calls")).size() == 4);
        calls = (List<Map<String, Object>>) js("return window.__calls");
        assertThat(calls.get(1).get("key")).as("a retry after a network failure keeps the attempt's key")
                .isEqualTo(calls.get(2).get("key")).isNotEqualTo(firstKey);
        assertThat(calls.get(3).get("key")).as("a new attempt after an answer gets a new key")
                .isNotIn(firstKey, calls.get(1).get("key"));
    }

    /**
     * A free-spin trigger (3+ Scale on Atkins Diet, about one round in a hundred) is announced with the feature's
     * terms from the game definition; rendered from a frame handed to the page's socket handler, with an older
     * balance version so the shown balance stays the hub's.
     */
    @Test
    void aFreeSpinTriggerIsAnnounced() {
        TestPlayer p = newPlayer("EUR", "10.00");
        openPage();
        logIn(p.username(), p.password());
        openSlot("atkins-diet");
        BigDecimal balance = pageBalance();
        String frame = "{\"type\":\"spinResult\",\"requestId\":\"fake-1\",\"roundId\":\"" + UUID.randomUUID() + "\","
                + "\"gameId\":\"atkins-diet\",\"result\":[[\"Scale\",\"Ham\",\"Eggs\"],[\"Bacon\",\"Scale\",\"Ham\"],"
                + "[\"Eggs\",\"Ham\",\"Bacon\"],[\"Ham\",\"Eggs\",\"Scale\"],[\"Bacon\",\"Ham\",\"Eggs\"]],"
                + "\"bet\":\"0.20\",\"payout\":\"4.80\",\"balance\":\"0.00\",\"currency\":\"EUR\",\"balanceVersion\":0}";
        js("window.__hub.receiveFrame(arguments[0])", frame);
        waitUntil("the free-spin announcement", () -> $("#free-spins").isDisplayed());
        assertThat($("#free-spins").getText()).startsWith("Free spins! 3 × Scale award 10 free spins at ×3");
        assertThat($("#win").getText()).isEqualTo("You win €4.80!");
        assertThat($$("#reels .symbol").get(0).getText()).isEqualTo("Scale");
        assertThat(pageBalance()).isEqualByComparingTo(balance);
        // an ordinary result hides it again
        spinOnce();
        Map<String, Object> last = result();
        @SuppressWarnings("unchecked")
        long scales = flatten((List<List<String>>) last.get("result")).stream().filter("Scale"::equals).count();
        assertThat($("#free-spins").isDisplayed()).isEqualTo(scales >= 3);
    }

    /**
     * The page's own fairness code (app/fairness.js) in Chromium's Web Crypto against an independent Java
     * implementation of the shared contract: HMAC-SHA256 stops with rejection sampling (a range where about 30%
     * of the words are rejected), weighted strips, the SHA-256 commitment, RFC 8785 canonical JSON and Ed25519
     * signatures made by the JDK.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theBrowsersFairnessCodeAgreesWithTheContract() throws Exception {
        openPage();
        byte[] seed = HexFormat.of().parseHex("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        String clientSeed = "player-seed:é";
        int nonce = 41;
        List<List<Long>> weights = List.of(List.of(1L, 2L, 3L, 4L), List.of(1_500_000_000L, 1_500_000_000L), List.of(10L, 1L));
        List<Integer> reelLengths = List.of(32, 30, 7);
        for (int spin = 0; spin < 4; spin++) {
            List<Long> fromJs = (List<Long>) jsAsync("""
                    const done = arguments[arguments.length - 1];
                    import('/app/fairness.js').then(f => f.recomputeStops(arguments[0], arguments[1], arguments[2], arguments[3],
                        arguments[4].map(n => new Array(n).fill('x')), []))
                      .then(done, e => done(String(e)));""", HexFormat.of().formatHex(seed), clientSeed, nonce, spin, reelLengths);
            assertThat(fromJs).as("equal-weight stops of spin %d", spin)
                    .containsExactlyElementsOf(reference(seed, clientSeed, nonce, spin, reelLengths.stream().map(n -> nCopies(n)).toList()));
            List<Long> weighted = (List<Long>) jsAsync("""
                    const done = arguments[arguments.length - 1];
                    import('/app/fairness.js').then(f => f.recomputeStops(arguments[0], arguments[1], arguments[2], arguments[3],
                        arguments[4].map(w => new Array(w.length).fill('x')), arguments[4]))
                      .then(done, e => done(String(e)));""", HexFormat.of().formatHex(seed), clientSeed, nonce, spin, weights);
            assertThat(weighted).as("weighted stops of spin %d", spin)
                    .containsExactlyElementsOf(reference(seed, clientSeed, nonce, spin, weights));
        }
        String commitment = (String) jsAsync("""
                const done = arguments[arguments.length - 1];
                import('/app/fairness.js').then(f => f.commitmentOf(arguments[0])).then(done, e => done(String(e)));""",
                HexFormat.of().formatHex(seed));
        assertThat(commitment).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed)));

        // RFC 8785 + Ed25519: the JDK signs the canonical form; the browser canonicalises the received frame itself
        String canonical = "{\"balance\":\"9.00\",\"balanceVersion\":7,\"bet\":\"1.00\",\"currency\":\"EUR\","
                + "\"fairness\":{\"clientSeed\":\"c\\\"é\",\"nonce\":3,\"serverSeedHash\":\"ab\"},\"kid\":\"k1\",\"payout\":\"0.00\","
                + "\"requestId\":\"r-1\",\"result\":[[\"Red 7\",\"Blank\"]],\"roundId\":\"x\",\"type\":\"spinResult\"}";
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(canonical.getBytes(StandardCharsets.UTF_8));
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        byte[] spki = keys.getPublic().getEncoded();
        String x = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        String frame = "{\"type\":\"spinResult\",\"requestId\":\"r-1\",\"roundId\":\"x\",\"result\":[[\"Red 7\",\"Blank\"]],"
                + "\"bet\":\"1.00\",\"payout\":\"0.00\",\"balance\":\"9.00\",\"currency\":\"EUR\",\"balanceVersion\":7,"
                + "\"fairness\":{\"serverSeedHash\":\"ab\",\"clientSeed\":\"c\\\"é\",\"nonce\":3},\"kid\":\"k1\",\"signature\":\"" + sig + "\"}";
        Map<String, Object> checks = (Map<String, Object>) jsAsync("""
                const done = arguments[arguments.length - 1];
                const [frameText, x] = [arguments[0], arguments[1]];
                import('/app/fairness.js').then(async f => {
                  const key = await f.importSigningKey({kty: 'OKP', crv: 'Ed25519', x, kid: 'k1'});
                  const frame = JSON.parse(frameText);
                  const {signature, ...rest} = frame;
                  const tampered = JSON.parse(frameText); tampered.payout = '100.00';
                  return {canonical: f.canonicalJson(rest), supported: await f.ed25519Supported(),
                          valid: await f.verifySpinSignature(frame, key), tampered: await f.verifySpinSignature(tampered, key)};
                }).then(done, e => done({error: String(e)}));""", frame, x);
        assertThat(checks).containsEntry("canonical", canonical).containsEntry("supported", true)
                .containsEntry("valid", true).containsEntry("tampered", false);
    }

    /** Lobby, slot after a win and cashier at 1280x800 and 390x844: no horizontal scrolling, labelled controls. */
    @Test
    void screenshotsAndLayoutAtDesktopAndPhoneSizes() throws Exception {
        TestPlayer p = newPlayer("EUR", "200.00");
        openPage();
        logIn(p.username(), p.password());
        for (int[] v : VIEWPORTS) {
            String size = v[0] + "x" + v[1];
            viewport(v[0], v[1]);
            $("#nav button[data-view='lobby']").click();
            waitUntil("the lobby", () -> $("#view-lobby").isDisplayed() && !$$("#games li").isEmpty());
            assertNoHorizontalOverflow("the lobby at " + size);
            assertThat(screenshot("lobby-" + size)).isGreaterThan(5_000);

            openSlot("atkins-diet");
            Map<String, Object> r = spinOnce();
            for (int i = 0; i < 150 && isZero((String) r.get("payout")); i++) r = spinOnce();
            assertThat((String) r.get("payout")).as("a win to show").matches("[0-9]+\\.[0-9]{2}").isNotEqualTo("0.00");
            assertNoHorizontalOverflow("the slot at " + size);
            assertControlsLabelled("the slot at " + size);
            assertThat(screenshot("slot-win-" + size)).isGreaterThan(5_000);

            $("#nav button[data-view='cashier']").click();
            waitUntil("the cashier", () -> $("#view-cashier").isDisplayed() && !$("#kyc-status").getText().equals("…"));
            assertNoHorizontalOverflow("the cashier at " + size);
            assertControlsLabelled("the cashier at " + size);
            assertThat(screenshot("cashier-" + size)).isGreaterThan(5_000);

            $("#nav button[data-view='history']").click();
            waitUntil("the history", () -> $("#view-history").isDisplayed() && !$$("#history tbody tr[data-transaction-id]").isEmpty());
            assertNoHorizontalOverflow("the history at " + size);
            $("#nav button[data-view='fairness']").click();
            waitUntil("the fairness panel", () -> $("#view-fairness").isDisplayed());
            assertNoHorizontalOverflow("the fairness panel at " + size);
            assertControlsLabelled("the fairness panel at " + size);
        }
        viewport(1280, 800);
    }

    /** Closes every lobby socket of the player from the hub's side (1012 service restart); returns how many. */
    @SuppressWarnings("unchecked")
    private int closeServerSide(UUID player) {
        try {
            java.lang.reflect.Field byPlayer = io.hub.app.lobby.LobbySessions.class.getDeclaredField("byPlayer");
            byPlayer.setAccessible(true);
            java.util.Set<?> handles = ((Map<UUID, java.util.Set<?>>) byPlayer.get(sessions)).getOrDefault(player, java.util.Set.of());
            int closed = 0;
            for (Object h : handles) {
                java.lang.reflect.Field f = h.getClass().getDeclaredField("session");
                f.setAccessible(true);
                ((org.springframework.web.socket.WebSocketSession) f.get(h)).close(org.springframework.web.socket.CloseStatus.SERVICE_RESTARTED);
                closed++;
            }
            return closed;
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private long transactions(UUID player) {
        return jdbc.queryForObject("SELECT count(*) FROM ledger_transaction WHERE player_id = ?", Long.class, player);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> result() {
        return (Map<String, Object>) js("return window.__hub.state().round.last");
    }

    private static boolean isZero(String decimal) {
        return new BigDecimal(decimal).signum() == 0;
    }

    private static List<String> flatten(List<List<String>> window) {
        List<String> out = new ArrayList<>();
        window.forEach(out::addAll);
        return out;
    }

    private static List<Long> nCopies(int n) {
        return java.util.Collections.nCopies(n, 1L);
    }

    /** The contract's stop derivation, written independently of the page's JavaScript. */
    static List<Long> reference(byte[] seed, String clientSeed, long nonce, int spin, List<List<Long>> weightsPerReel) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(seed, "HmacSHA256"));
        List<Long> stops = new ArrayList<>();
        for (int r = 0; r < weightsPerReel.size(); r++) {
            List<Long> w = weightsPerReel.get(r);
            long m = w.stream().mapToLong(Long::longValue).sum();
            long limit = ((1L << 32) / m) * m;
            long value = -1;
            for (int counter = 0; value < 0; counter++) {
                byte[] out = mac.doFinal((clientSeed + ":" + nonce + ":" + spin + ":" + r + ":" + counter).getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 8 && value < 0; i++) {
                    long word = java.nio.ByteBuffer.wrap(out, i * 4, 4).getInt() & 0xFFFFFFFFL;
                    if (word < limit) value = word % m;
                }
            }
            long cumulative = 0;
            for (int i = 0; i < w.size(); i++) {
                cumulative += w.get(i);
                if (value < cumulative) {
                    stops.add((long) i);
                    break;
                }
            }
        }
        return stops;
    }
}
