package io.hub.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.hub.app.HubIntegrationTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests: the whole hub on a random port (as {@link HubIntegrationTest}) driven through its page
 * at {@code /} in Debian's headless Chromium via Selenium and {@code chromedriver}. Nothing is downloaded: the
 * browser and the driver must be installed ({@code apt-get install -y chromium chromium-driver}; {@code .ci/run}
 * does it). Without them the tests FAIL with that instruction, unless they are switched off explicitly with
 * {@code -Dhub.browser-tests.skip=true}. Other paths: {@code -Dhub.browser.chromium=…}, {@code -Dhub.browser.chromedriver=…}.
 */
public abstract class BrowserTestSupport extends HubIntegrationTest {
    /** Phone and desktop viewports the page must be readable at (CSS pixels). */
    protected static final int[][] VIEWPORTS = {{1280, 800}, {390, 844}};
    protected static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() {
        if (Boolean.getBoolean("hub.browser-tests.skip")) {
            Assumptions.abort("browser tests switched off with -Dhub.browser-tests.skip=true");
        }
        Path chromium = Path.of(System.getProperty("hub.browser.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("hub.browser.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            fail("The browser tests need Debian's Chromium and its driver at " + chromium + " and " + chromedriver
                    + " (apt-get install -y chromium chromium-driver; .ci/run installs them). Other locations: "
                    + "-Dhub.browser.chromium=… -Dhub.browser.chromedriver=…; to skip these tests on purpose: "
                    + "-Dhub.browser-tests.skip=true");
        }
        // a driver executable and a browser binary given explicitly: Selenium Manager has nothing to download
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-search-engine-choice-screen", "--disable-features=Translate");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /** A fresh page load (the page keeps its session in memory only, so this starts logged out). */
    protected void openPage() {
        viewport(1280, 800);
        driver.get(base() + "/");
        waitUntil("the login form", () -> driver.findElement(By.id("login-username")).isDisplayed());
    }

    /** Logs in through the form with the keyboard only (type, Tab, type, Enter) and waits for the live lobby. */
    protected void logIn(String username, String password) {
        WebElement user = $("#login-username");
        user.clear();
        user.sendKeys(username, Keys.TAB);
        driver.switchTo().activeElement().sendKeys(password, Keys.ENTER);
        waitUntil("the lobby after login", () -> $("#view-lobby").isDisplayed() && !$$("#games li").isEmpty());
        waitUntil("the lobby socket", () -> "open".equals($("#connection").getDomAttribute("data-state")));
        waitUntil("a balance", () -> !java.util.Objects.toString($("#balance").getDomAttribute("data-amount"), "").isEmpty());
    }

    protected WebElement $(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    protected List<WebElement> $$(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs an async script (its last argument is the callback) and returns what it passes to the callback. */
    protected Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    protected void waitUntil(String what, Supplier<Boolean> condition) {
        waitUntil(what, Duration.ofSeconds(20), condition);
    }

    protected void waitUntil(String what, Duration timeout, Supplier<Boolean> condition) {
        try {
            new WebDriverWait(driver, timeout, Duration.ofMillis(50)).until(d -> {
                try {
                    return condition.get();
                } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                    return false;
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; page notice: " + safeText("#notice")
                    + "; console state: " + js("return JSON.stringify(window.__hub ? window.__hub.state() : null)"), e);
        }
    }

    private String safeText(String css) {
        try {
            return $(css).getText();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** The balance the page shows (its data-amount, the hub's decimal string). */
    protected BigDecimal pageBalance() {
        return new BigDecimal($("#balance").getDomAttribute("data-amount"));
    }

    protected String accessTokenOnPage() {
        return (String) js("return window.__hub.state().session.accessToken");
    }

    /** The player's cash balance as the hub reports it over REST. */
    protected BigDecimal serverBalance(String accessToken) {
        return new BigDecimal(json(get("/wallet/balance", accessToken).body()).get("balance").asText());
    }

    protected UUID playerId(String username) {
        JsonNode players = json(get("/operator/players?limit=500", operatorToken()).body());
        for (JsonNode p : players) {
            if (username.equals(p.path("username").asText())) return UUID.fromString(p.get("playerId").asText());
        }
        throw new AssertionError("no player " + username);
    }

    protected void credit(UUID player, String amount) {
        var r = post("/operator/players/" + player + "/adjustments",
                "{\"direction\":\"CREDIT\",\"amount\":\"" + amount + "\",\"reason\":\"browser test credit\"}", operatorToken(),
                "Idempotency-Key", "browser-credit-" + UUID.randomUUID());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    protected long rounds(UUID player) {
        return jdbc.queryForObject("SELECT count(*) FROM game_round WHERE player_id = ?", Long.class, player);
    }

    /** Opens an in-house game from its lobby card and waits for its reels. */
    protected void openSlot(String gameId) {
        // the lobby re-renders its cards when the list arrives: click whichever card is current
        waitUntil("the Play button of " + gameId, () -> {
            $("#games li[data-game-id='" + gameId + "'] button.play").click();
            return true;
        });
        waitUntil("the slot " + gameId, () -> $("#view-slot").isDisplayed() && !$$("#reels .reel").isEmpty()
                && gameId.equals($("#bet").getDomAttribute("data-game")));
    }

    protected void setBet(String bet) {
        WebElement input = $("#bet");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(bet);
    }

    /**
     * Clicks Spin and waits for the answer; returns the spinResult frame the page stored
     * ({@code round.last}).
     */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> spinOnce() {
        String before = (String) js("const l = window.__hub.state().round.last; return l ? l.requestId : null");
        waitUntil("the spin button", () -> $("#spin").isEnabled());
        $("#spin").click();
        waitUntil("a spin result", () -> {
            Object now = js("const s = window.__hub.state(); return s.round.pending ? null : (s.round.last ? s.round.last.requestId : null)");
            return now != null && !now.equals(before);
        });
        return (Map<String, Object>) js("return window.__hub.state().round.last");
    }

    protected long spinFramesSent() {
        return (Long) js("return window.__hub.framesSent().filter(f => f.action === 'spin').length");
    }

    /** Sets the CSS viewport exactly (Chrome DevTools Emulation.setDeviceMetricsOverride). */
    protected void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** The page has no horizontal scrolling at the current viewport (everything readable without panning). */
    protected void assertNoHorizontalOverflow(String where) {
        Object overflow = js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).longValue()).as("horizontal overflow on %s", where).isLessThanOrEqualTo(0);
    }

    /** Every visible form control has an accessible name (a label, aria-label or aria-labelledby, or button text). */
    @SuppressWarnings("unchecked")
    protected void assertControlsLabelled(String where) {
        List<String> unlabelled = (List<String>) js("""
                const out = [];
                for (const el of document.querySelectorAll('input, select, button, textarea')) {
                  if (el.offsetParent === null) continue;
                  const named = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label')
                    || el.getAttribute('aria-labelledby') || (el.tagName === 'BUTTON' && el.textContent.trim());
                  if (!named) out.push(el.outerHTML.slice(0, 80));
                }
                return out;""");
        assertThat(unlabelled).as("unlabelled controls on %s", where).isEmpty();
    }

    /**
     * Saves a screenshot: to the repository's {@code docs/screenshots/} with {@code -Dhub.screenshots.write=true},
     * else under {@code target/screenshots/}. Returns the PNG's size in bytes.
     */
    protected long screenshot(String name) throws Exception {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Path dir = Boolean.getBoolean("hub.screenshots.write") ? Path.of("..", "docs", "screenshots") : Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path out = dir.resolve(name + ".png");
        Files.write(out, png);
        return Files.size(out);
    }
}
