package io.hub.app.providers.wallet.conformance;

import io.hub.app.ledger.AccountDirectory;
import io.hub.app.ledger.AccountRef;
import io.hub.app.ledger.AccountType;
import io.hub.app.ledger.IdempotencyKey;
import io.hub.app.ledger.Ledger;
import io.hub.app.ledger.LedgerCheck;
import io.hub.app.ledger.LedgerCommand;
import io.hub.app.ledger.LedgerQueries;
import io.hub.app.ledger.Leg;
import io.hub.app.player.User;
import io.hub.app.player.UserDirectory;
import io.hub.app.providers.ProviderConfig;
import io.hub.app.providers.ProviderProtocol;
import io.hub.app.providers.ProviderRegistry;
import io.hub.app.providers.ProviderSession;
import io.hub.app.providers.ProviderSessions;
import io.hub.app.providers.wallet.HubSigningKey;
import io.hub.app.providers.wallet.ProviderAdapters;
import io.hub.app.providers.wallet.ProviderRoundSweeper;
import io.hub.app.providers.wallet.ProviderWalletFaults;
import io.hub.contracts.money.CurrencyUnit;
import io.hub.contracts.money.Money;
import io.hub.contracts.wallet.ProviderCallback;
import io.hub.contracts.wallet.ProviderCallbackAnswer;
import io.hub.providers.ProviderPolicy;
import io.hub.providers.hub88.Hub88Settings;
import io.hub.providers.hub88.Hub88Signature;
import io.hub.routes.ProviderWalletCallbackRoute;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs the conformance scenarios ({@link ConformanceScenarios}, every failure case of providers.md §3) against one
 * onboarded provider, in that provider's own protocol and with its own policy table, so an operator can check a new
 * integration in a sandbox before going live (docs/conformance.md).
 *
 * <p>For each scenario: a fresh throw-away player in the provider's first currency, funded by an {@code ADJUSTMENT}
 * ({@code conformance} source), with a REAL session for the provider; the steps are rendered by the protocol's
 * {@link ProtocolDriver} into the exact requests the provider would send (signed with the sandbox credentials) and
 * sent through {@code transport} (the HTTP endpoint, or the callback route in-process). Checked per step: the
 * provider-format status (the adapter's own table for the expected canonical outcome), the player's cash balance in
 * the ledger, the balance the answer carries, protocol-level answer rules (Hub88 answer signature, Evolution HTTP
 * status); per scenario: exactly one ledger transaction (so one outbox row and one Kafka record) per money-moving step
 * and a clean {@link LedgerCheck}.
 */
@Component
public class ConformanceKit {
    private final ProviderRegistry registry;
    private final ProviderSessions sessions;
    private final UserDirectory users;
    private final AccountDirectory accounts;
    private final Ledger ledger;
    private final LedgerQueries queries;
    private final LedgerCheck ledgerCheck;
    private final HubSigningKey hubKey;
    private final ProviderWalletFaults faults;
    private final ProviderRoundSweeper sweeper;
    private final JdbcTemplate jdbc;
    private final ProducerTemplate camel;
    private final ProviderAdapters adapters;
    private final Duration sweepAge;

    public ConformanceKit(ProviderRegistry registry, ProviderSessions sessions, UserDirectory users, AccountDirectory accounts,
                          Ledger ledger, LedgerQueries queries, LedgerCheck ledgerCheck, HubSigningKey hubKey,
                          ProviderWalletFaults faults, ProviderRoundSweeper sweeper, JdbcTemplate jdbc, ProducerTemplate camel,
                          ProviderAdapters adapters, @Value("${hub.providers.round-sweep.max-age:48h}") Duration sweepAge) {
        this.registry = registry;
        this.sessions = sessions;
        this.users = users;
        this.accounts = accounts;
        this.ledger = ledger;
        this.queries = queries;
        this.ledgerCheck = ledgerCheck;
        this.hubKey = hubKey;
        this.faults = faults;
        this.sweeper = sweeper;
        this.jdbc = jdbc;
        this.camel = camel;
        this.adapters = adapters;
        this.sweepAge = sweepAge;
    }

    /**
     * Credentials of the provider's side that the hub does not hold: for Hub88-style providers the sandbox provider's
     * RSA private key (PKCS#8 PEM) matching the public key onboarded. Pragmatic secrets and Evolution tokens are
     * taken from the onboarded credentials.
     */
    public record SandboxCredentials(String providerPrivateKeyPem) {
    }

    /** One step's outcome. */
    public record StepResult(int index, String op, String expectedStatus, String actualStatus, String expectedBalance,
                             String actualBalance, String responseBalance, boolean passed, List<String> problems) {
    }

    /** One scenario's outcome. */
    public record ScenarioResult(String id, String section, String title, UUID playerId, boolean passed,
                                 long expectedMoneyTransactions, long moneyTransactions, List<StepResult> steps,
                                 List<String> problems) {
    }

    /** The kit's report for one provider. */
    public record Report(String providerId, String protocol, String runId, boolean passed, int scenarios, int failed,
                         List<ScenarioResult> results) {
    }

    /** A provider whose game check refuses every code the kit could name (409 {@code NO_PLAYABLE_GAME}). */
    public static class NoPlayableGameException extends IllegalArgumentException {
        NoPlayableGameException(String message) {
            super(message);
        }
    }

    /** Runs every scenario through the callback route in-process (no HTTP). */
    public Report runInProcess(String providerId, SandboxCredentials creds) {
        return run(providerId, creds, cb -> camel.requestBody(ProviderWalletCallbackRoute.ENDPOINT, cb, ProviderCallbackAnswer.class));
    }

    /**
     * Runs every scenario against the provider.
     *
     * @throws IllegalArgumentException for an unknown or disabled provider, or missing/unreadable sandbox credentials
     * @throws NoPlayableGameException   for a provider with {@code gameCheck} STRICT that lists no playable game
     */
    public Report run(String providerId, SandboxCredentials creds, Function<ProviderCallback, ProviderCallbackAnswer> transport) {
        ProviderConfig p = registry.find(providerId).filter(ProviderConfig::enabled)
                .orElseThrow(() -> new IllegalArgumentException("no enabled provider " + providerId));
        ProtocolDriver driver = driver(p, creds);
        String game = playableGame(p);
        String runId = HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong())).substring(0, 10);
        List<ScenarioResult> results = new ArrayList<>();
        for (ConformanceScenarios.Scenario s : ConformanceScenarios.load()) {
            results.add(runScenario(p, driver, game, runId, s, transport));
        }
        int failed = (int) results.stream().filter(r -> !r.passed()).count();
        return new Report(p.id(), p.protocol().name(), runId, failed == 0, results.size(), failed, results);
    }

    private ProtocolDriver driver(ProviderConfig p, SandboxCredentials creds) {
        Map<String, Object> s = p.settings();
        switch (p.protocol()) {
            case HUB88:
                if (creds == null || creds.providerPrivateKeyPem() == null) {
                    throw new IllegalArgumentException("a Hub88-style provider needs the sandbox provider's private key (providerPrivateKeyPem)");
                }
                try {
                    return new Hub88Driver(Hub88Signature.privateKeyFromPem(creds.providerPrivateKeyPem()), hubKey.publicKey(),
                            String.valueOf(s.getOrDefault("signatureHeader", Hub88Settings.DEFAULT_SIGNATURE_HEADER)),
                            Integer.parseInt(String.valueOf(s.getOrDefault("protocolScale", Hub88Settings.DEFAULT_PROTOCOL_SCALE))));
                } catch (GeneralSecurityException | RuntimeException e) {
                    throw new IllegalArgumentException("providerPrivateKeyPem is not an RSA PKCS#8 PEM key");
                }
            case PRAGMATIC:
                Object param = s.get("providerParam");
                return new PragmaticDriver(p.credentials().secret(),
                        Boolean.parseBoolean(String.valueOf(s.getOrDefault("hashSkipsEmptyValues", "false"))),
                        param == null ? null : param.toString());
            default:
                return new EvolutionDriver(p.credentials().apiToken());
        }
    }

    /**
     * The game code the scenarios' calls name: the provider's first playable game (listed by its catalogue, enabled,
     * not delisted), so every bet passes its policy's {@code gameCheck}; without one, the kit's own code
     * {@link ProtocolDriver#DEFAULT_GAME}, which only a provider whose check lets unknown codes through accepts.
     *
     * @throws NoPlayableGameException for a provider with {@code gameCheck} STRICT and no playable game
     */
    String playableGame(ProviderConfig p) {
        List<String> listed = jdbc.queryForList("SELECT game_id FROM provider_game WHERE provider_id = ? AND enabled AND delisted_at IS NULL"
                + " ORDER BY game_id LIMIT 1", String.class, p.id());
        if (!listed.isEmpty()) return listed.get(0);
        if (p.policy().gameCheck() == ProviderPolicy.GameCheck.STRICT) {
            throw new NoPlayableGameException("provider '" + p.id() + "' takes bets only on listed games (policy gameCheck STRICT) and"
                    + " lists no playable game: sync its catalogue (POST /operator/providers/" + p.id() + "/sync) or enable a game first");
        }
        return ProtocolDriver.DEFAULT_GAME;
    }

    private ScenarioResult runScenario(ProviderConfig p, ProtocolDriver driver, String game, String runId, ConformanceScenarios.Scenario s,
                                       Function<ProviderCallback, ProviderCallbackAnswer> transport) {
        CurrencyUnit currency = CurrencyUnit.of(p.currencies().isEmpty() ? "EUR" : p.currencies().get(0));
        String name = "conf-" + runId + "-" + s.id().toLowerCase();
        User user = users.createPlayer(name, UUID.randomUUID().toString(), currency.code(), null);
        AccountDirectory.PlayerAccounts acc = accounts.player(user.id()).orElseThrow();
        Money initial = Money.parse(s.initial(), currency);
        if (initial.isPositive()) {
            AccountRef counter = accounts.systemAccount(AccountType.ADJUSTMENT, currency.code(), 0);
            ledger.apply(new LedgerCommand(new IdempotencyKey("conformance", "", "fund-" + user.id()), "ADJUSTMENT", currency,
                    user.id(), List.of(Leg.transfer(counter, acc.cash(), initial.amountMinor())),
                    "conformance-fund|" + user.id() + "|" + initial.amountMinor(), null, null,
                    Map.of("reason", "conformance kit funding", "scenario", s.id()), a -> Map.of("funded", initial.toDecimalString())));
        }
        String current = sessions.issue(p.id(), user.id(), game, currency.code(), ProviderSession.Mode.REAL).token();
        String old = null;
        String prefix = runId + "-" + s.id();
        boolean policyRefused = false;
        long expectedMoves = 0;
        List<StepResult> steps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int i = 0;
        for (ConformanceScenarios.Step step : s.steps()) {
            i++;
            switch (step.op()) {
                case "rotate-session": {
                    ProviderSession session = sessions.resolve(p.id(), current).orElseThrow();
                    old = current;
                    current = sessions.rotate(session).token();
                    continue;
                }
                case "expire-session":
                    jdbc.update("UPDATE provider_session SET expires_at = clock_timestamp() - interval '1 second' WHERE player_id = ? AND provider_id = ?",
                            user.id(), p.id());
                    continue;
                case "age-days":
                    jdbc.update("UPDATE provider_transaction SET created_at = created_at - make_interval(days => ?) WHERE player_id = ?",
                            step.days() == null ? 1 : step.days(), user.id());
                    continue;
                case "fail-next":
                    faults.failNext(user.id());
                    continue;
                case "sweep": {
                    String round = prefix + "-" + step.round();
                    jdbc.update("UPDATE provider_round SET opened_at = opened_at - (? * interval '1 second') WHERE provider_id = ? AND player_id = ? AND round_id = ?",
                            sweepAge.plusHours(1).toSeconds(), p.id(), user.id(), round);
                    sweeper.sweepStaleRounds();
                    String closedBy = jdbc.query("SELECT closed_by FROM provider_round WHERE provider_id = ? AND player_id = ? AND round_id = ?",
                            (rs, n) -> rs.getString(1), p.id(), user.id(), round).stream().findFirst().orElse(null);
                    Integer audits = jdbc.queryForObject("SELECT count(*)::int FROM audit_log WHERE actor = 'round-sweeper' AND target = ?",
                            Integer.class, p.id() + "/" + user.id() + "/" + round);
                    List<String> sp = new ArrayList<>();
                    if (!"SWEEPER".equals(closedBy)) sp.add("round " + step.round() + " closed_by=" + closedBy + ", expected SWEEPER");
                    if (audits == null || audits != 1) sp.add("expected one audit row for the swept round, found " + audits);
                    steps.add(new StepResult(i, "sweep", "SWEEPER", closedBy, null, null, null, sp.isEmpty(), sp));
                    continue;
                }
                default:
                    break;
            }
            String expected = step.expect();
            boolean policyDependent = true;
            ProviderPolicy pol = p.policy();
            switch (expected) {
                case "REPLAY":
                    expected = pol.replay() == ProviderPolicy.Replay.DUPLICATE_STATUS ? "TRANSACTION_EXISTS" : "OK";
                    policyDependent = false;
                    break;
                case "UNKNOWN_ROLLBACK":
                    expected = pol.unknownRollback() == ProviderPolicy.UnknownRollback.NOT_FOUND ? "TRANSACTION_NOT_FOUND" : "OK";
                    break;
                case "TOKEN_ON_WIN":
                    expected = pol.tokenOnWin() == ProviderPolicy.TokenCheck.ENFORCE ? "TOKEN_EXPIRED" : "OK";
                    break;
                case "GAME_CHECK":
                    // a bet on a code the catalogue never held: only STRICT refuses it
                    expected = pol.gameCheck() == ProviderPolicy.GameCheck.STRICT ? "UNKNOWN_GAME" : "OK";
                    break;
                case "CREDIT_AFTER_SETTLE":
                    // a further credit (new id) for a settled bet: one credit per bet under creditAfterSettle REJECT, one
                    // per round under settlement GAMEWISE (the first credit closed the round)
                    expected = pol.creditAfterSettle() == ProviderPolicy.CreditAfterSettle.REJECT
                            || pol.settlement() == ProviderPolicy.Settlement.GAMEWISE ? "ALREADY_SETTLED" : "OK";
                    break;
                case "BET_ON_CLOSED_ROUND":
                    // the earlier steps close the round where the protocol can: Hub88 round_closed, Pragmatic endRound,
                    // any protocol under settlement GAMEWISE (Evolution's credits carry no round flag otherwise)
                    expected = closesRounds(p) ? "ROUND_CLOSED" : "OK";
                    break;
                case "BALANCE_LIMIT":
                    // the step's resulting balance must be one the protocol can carry (Hub88: int64 at its scale)
                    expected = Money.parse(step.balance(), currency).amountMinor() > adapters.adapterFor(p).maxBalanceMinor(currency)
                            ? "INVALID_AMOUNT" : "OK";
                    break;
                default:
                    policyDependent = false;
            }
            if (policyDependent && !"OK".equals(expected)) policyRefused = true;
            String token = "old".equals(step.token()) ? old : current;
            String requestId = step.request() != null ? prefix + "-" + step.request() : UUID.randomUUID().toString();
            Money amount = step.amountText() != null || "balance".equals(step.op()) ? Money.zero(currency)
                    : step.amount() == null ? null : Money.parse(step.amount(), currency);
            ProtocolDriver.Call call = new ProtocolDriver.Call(step.op(), p.id(), user.id().toString(), token,
                    step.tx() == null ? null : prefix + "-" + step.tx(), step.ref() == null ? null : prefix + "-" + step.ref(),
                    step.round() == null ? null : prefix + "-" + step.round(), amount, step.roundClosed(), requestId,
                    "unlisted".equals(step.game()) ? prefix + "-unlisted-game" : game, step.amountText());
            ProviderCallback cb = driver.render(call);
            if (cb == null) {
                steps.add(new StepResult(i, step.op(), "n/a", "n/a", null, null, null, true,
                        List.of("the " + p.protocol() + " protocol has no " + step.op() + " call: skipped")));
                continue;
            }
            ProviderCallbackAnswer answer = transport.apply(cb);
            // the reference answer where the scenarios file pins one (written from providers.md, so a wrong entry in
            // the adapter's own table fails here), else the adapter's table
            String expectedStatus = "OK".equals(expected) ? driver.expectedStatus(expected)
                    : ConformanceScenarios.referenceStatus(p.protocol().name(), expected).orElse(driver.expectedStatus(expected));
            String actualStatus = driver.actualStatus(answer);
            Money cash = Money.ofMinor(accounts.balance(acc.cash().id())[0], currency);
            String expectedBalance = policyRefused && step.balanceIfRefused() != null ? step.balanceIfRefused() : step.balance();
            Money responseBalance = driver.responseBalance(answer, currency);
            List<String> sp = new ArrayList<>(driver.problems(answer));
            if (!expectedStatus.equals(actualStatus)) sp.add("status " + actualStatus + ", expected " + expectedStatus + " (" + expected + ")");
            if (expectedBalance != null && !Money.parse(expectedBalance, currency).equals(cash)) {
                sp.add("balance " + cash.toDecimalString() + ", expected " + expectedBalance);
            }
            if (step.responseBalance() != null && (responseBalance == null || !responseBalance.equals(Money.parse(step.responseBalance(), currency)))) {
                sp.add("answer balance " + (responseBalance == null ? "missing" : responseBalance.toDecimalString()) + ", expected " + step.responseBalance());
            }
            if (step.responseBalanceIfAny() != null && responseBalance != null
                    && !responseBalance.equals(Money.parse(step.responseBalanceIfAny(), currency))) {
                sp.add("answer balance " + responseBalance.toDecimalString() + ", expected " + step.responseBalanceIfAny()
                        + " (the player's balance) or none");
            }
            if (responseBalance != null && "OK".equals(expected) && !responseBalance.equals(cash)) {
                sp.add("answer balance " + responseBalance.toDecimalString() + " differs from the ledger's " + cash.toDecimalString());
            }
            if (step.moves() && "OK".equals(expected)) expectedMoves++;
            steps.add(new StepResult(i, step.op(), expectedStatus, actualStatus, expectedBalance, cash.toDecimalString(),
                    responseBalance == null ? null : responseBalance.toDecimalString(), sp.isEmpty(), sp));
        }
        long moves = queries.playerTransactions(user.id(), acc.cash().id(), 1000, null).stream()
                .filter(t -> t.source().equals("provider:" + p.id())).count();
        if (moves != expectedMoves) problems.add(moves + " ledger transactions from the provider, expected " + expectedMoves);
        LedgerCheck.Report check = ledgerCheck.run();
        if (!check.balanced() || !check.problems().isEmpty()) problems.add("ledger check: " + check.problems());
        boolean passed = problems.isEmpty() && steps.stream().allMatch(StepResult::passed);
        return new ScenarioResult(s.id(), s.section(), s.title(), user.id(), passed, expectedMoves, moves, steps, problems);
    }

    /**
     * Whether the protocol closes a round the way the scenarios do (Hub88 flag, Pragmatic endRound; any protocol under
     * policy {@code settlement} GAMEWISE, where a credit closes its round; Evolution has neither flag nor round-end call).
     */
    private static boolean closesRounds(ProviderConfig p) {
        return p.protocol() != ProviderProtocol.EVOLUTION
                || p.policy().settlement() == ProviderPolicy.Settlement.GAMEWISE;
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (8 * i));
        return b;
    }
}
