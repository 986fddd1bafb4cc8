package io.hub.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Lobby spin benchmark: N players each spin over their own lobby WebSocket on a fixed, open-loop schedule.
 *
 * <ol>
 *   <li>Operator login; create and fund N players ({@code setupParallelism} concurrent HTTP calls).</li>
 *   <li>Pick the game (first {@code provider == "hub"} game of {@code /games/list} unless given).</li>
 *   <li>Per player: login (fresh single-use wsToken) and open {@code /ws/lobby?token=...} right away.</li>
 *   <li>Warm-up, then the measurement window; see {@link PlayerSession} and {@link SpinSchedule}.</li>
 *   <li>Drain, close the sockets, scrape {@code /actuator/prometheus}, print the Markdown section and append it to
 *       {@code --report}.</li>
 * </ol>
 *
 * <p>Progress goes to stderr; stdout gets only the report section. Exit code 0 when the run happened, 1 when no player could
 * be set up or something failed, 2 for bad arguments.
 */
public final class LobbyBench {

    private static final int MAX_PROBLEMS_LISTED = 10;

    private final BenchConfig cfg;
    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicInteger problemCount = new AtomicInteger();
    private volatile String operatorToken;
    private double windowCpuStart = Double.NaN;
    private double windowCpuEnd = Double.NaN;

    private record Account(int number, String username, String password, String playerId, boolean existed) {
    }

    LobbyBench(BenchConfig cfg) {
        this.cfg = cfg;
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(BenchConfig.usage());
            return;
        }
        BenchConfig cfg;
        try {
            cfg = BenchConfig.parse(args, System.getProperties(), Instant.now().getEpochSecond());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(BenchConfig.usage());
            System.exit(2);
            return;
        }
        int rc;
        try {
            rc = new LobbyBench(cfg).run();
        } catch (Exception e) {
            log("FAILED: " + e);
            e.printStackTrace();
            rc = 1;
        }
        System.exit(rc);
    }

    /** Runs the benchmark, prints the section to stdout, appends it to the report; returns the exit code. */
    int run() throws Exception {
        BenchResult result = execute();
        String section = MarkdownReport.render(result);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(section);
        out.flush();
        if (cfg.report() != null) {
            Path report = cfg.report().toAbsolutePath();
            Files.createDirectories(report.getParent());
            Files.writeString(report, section + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            log("appended to " + report);
        }
        return result.setup().connected() == 0 ? 1 : 0;
    }

    /** Set-up, run, scrape; no output but the progress log. */
    BenchResult execute() throws Exception {
        Instant startedAt = Instant.now();
        MachineInfo machine = MachineInfo.detect();
        log(String.format(Locale.ROOT, "lobby bench '%s': %d players x %s spins/s, warm-up %d s, window %d s, target %s",
                cfg.label(), cfg.players(), MarkdownReport.num(cfg.spinsPerSecondPerPlayer()), cfg.warmupSeconds(),
                cfg.durationSeconds(), cfg.baseUrl()));

        int ioThreads = Math.max(2, machine.cpus());
        ExecutorService httpExecutor = Executors.newFixedThreadPool(ioThreads, daemon("bench-http"));
        ExecutorService wsExecutor = Executors.newFixedThreadPool(ioThreads, daemon("bench-ws"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(httpExecutor).build();
        HttpClient wsHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(wsExecutor).build();
        HubClient hub = new HubClient(cfg.baseUrl(), http, json);
        ExecutorService setupPool = Executors.newFixedThreadPool(cfg.setupParallelism(), daemon("bench-setup"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(2, daemon("bench-timer"));
        timer.setRemoveOnCancelPolicy(true);

        BenchStats stats = new BenchStats();
        PlayerSession.RunContext ctx = new PlayerSession.RunContext(stats, timer, json, cfg.usernamePrefix(),
                cfg.replyTimeout().toNanos());
        try {
            // 1. accounts
            operatorToken = hub.login(cfg.operatorUsername(), cfg.operatorPassword()).accessToken();
            long t = System.nanoTime();
            List<Account> accounts = setUpAccounts(hub, setupPool);
            double accountsSeconds = (System.nanoTime() - t) / 1e9;
            int created = (int) accounts.stream().filter(a -> !a.existed()).count();
            int existed = accounts.size() - created;
            log(String.format(Locale.ROOT, "accounts: %d ready (%d created, %d existed) of %d in %.1f s",
                    accounts.size(), created, existed, cfg.players(), accountsSeconds));

            // 2. game
            String gameId = accounts.isEmpty() ? cfg.gameId() : chooseGame(hub, accounts.get(0));

            // 3. connect
            t = System.nanoTime();
            List<PlayerSession> sessions = accounts.isEmpty() || gameId == null
                    ? List.of() : connect(hub, wsHttp, ctx, accounts, setupPool);
            double connectSeconds = (System.nanoTime() - t) / 1e9;
            log(String.format(Locale.ROOT, "connected %d of %d sockets in %.1f s", sessions.size(), accounts.size(),
                    connectSeconds));

            // 4. spin
            SpinSchedule schedule = null;
            if (!sessions.isEmpty()) {
                schedule = SpinSchedule.ofSeconds(sessions.size(), cfg.spinsPerSecondPerPlayer(), cfg.warmupSeconds(),
                        cfg.durationSeconds());
                spin(ctx, schedule, sessions, gameId, timer);
                closeAll(ctx, sessions);
            }

            // 5. report
            PrometheusText.HubMetrics hubMetrics = null;
            String scrapeProblem = null;
            try {
                hubMetrics = PrometheusText.summarize(PrometheusText.parse(hub.prometheus(operatorToken)));
            } catch (IOException e) {
                scrapeProblem = e.getMessage();
                log("prometheus scrape failed: " + e.getMessage());
            }

            List<String> listed = new ArrayList<>(problems);
            if (problemCount.get() > listed.size()) {
                listed.add("... " + (problemCount.get() - listed.size()) + " more");
            }
            BenchResult.Setup setup = new BenchResult.Setup(cfg.players(), created, existed, accounts.size(),
                    sessions.size(), accountsSeconds, connectSeconds, listed);
            return new BenchResult(cfg.label(), startedAt, machine, cfg,
                    gameId == null ? "(none)" : gameId, setup, counts(stats, schedule, sessions.size()),
                    LatencySummary.fromMicros(stats.responseTime.copy()),
                    LatencySummary.fromMicros(stats.serviceTime.copy()),
                    LatencySummary.fromMicros(stats.sendLag.copy()),
                    hubMetrics, scrapeProblem, loadGenerator(schedule));
        } finally {
            timer.shutdownNow();
            setupPool.shutdownNow();
            httpExecutor.shutdownNow();
            wsExecutor.shutdownNow();
        }
    }

    // ---- set-up ----

    private List<Account> setUpAccounts(HubClient hub, ExecutorService pool) throws InterruptedException {
        List<Future<Account>> futures = new ArrayList<>();
        for (int i = 1; i <= cfg.players(); i++) {
            int number = i;
            futures.add(pool.submit(() -> setUpAccount(hub, number)));
        }
        List<Account> accounts = new ArrayList<>();
        for (Future<Account> f : futures) {
            Account a = await(f);
            if (a != null) {
                accounts.add(a);
            }
        }
        return accounts;
    }

    /** Create + fund; null (and a problem noted) when the player cannot be used. */
    private Account setUpAccount(HubClient hub, int number) throws InterruptedException {
        String username = String.format(Locale.ROOT, "%s-%04d", cfg.usernamePrefix(), number);
        String password = "pw-" + username;
        String playerId;
        boolean existed = false;
        try {
            try {
                playerId = withOperator(hub, token -> hub.createPlayer(token, username, password, cfg.currency()));
            } catch (HubClient.HttpStatusException e) {
                if (e.status != 409) {
                    throw e;
                }
                existed = true;
                playerId = hub.playerIdFromJwt(hub.login(username, password).accessToken());
                if (playerId == null) {
                    problem(username + " already existed and its playerId is not in its JWT, so it cannot be funded; "
                            + "left out (use a fresh --prefix)");
                    return null;
                }
            }
            String id = playerId;
            withOperator(hub, token -> {
                hub.credit(token, id, cfg.fundAmount().toPlainString(), username + "-fund");
                return null;
            });
            return new Account(number, username, password, playerId, existed);
        } catch (IOException e) {
            problem(username + ": " + e.getMessage());
            return null;
        }
    }

    private interface OperatorCall<T> {
        T call(String token) throws IOException, InterruptedException;
    }

    /** Runs {@code call} with the operator token, logging in again once if the token has expired (HTTP 401). */
    private <T> T withOperator(HubClient hub, OperatorCall<T> call) throws IOException, InterruptedException {
        String token = operatorToken;
        try {
            return call.call(token);
        } catch (HubClient.HttpStatusException e) {
            if (e.status != 401) {
                throw e;
            }
            synchronized (this) {
                if (operatorToken.equals(token)) {
                    operatorToken = hub.login(cfg.operatorUsername(), cfg.operatorPassword()).accessToken();
                }
            }
            return call.call(operatorToken);
        }
    }

    private String chooseGame(HubClient hub, Account account) throws IOException, InterruptedException {
        List<HubClient.Game> games;
        try {
            games = hub.games(hub.login(account.username(), account.password()).accessToken());
        } catch (IOException e) {
            if (cfg.gameId() != null) {
                log("games list failed (" + e.getMessage() + "); using --gameId " + cfg.gameId());
                return cfg.gameId();
            }
            throw e;
        }
        HubClient.Game chosen = null;
        if (cfg.gameId() != null) {
            chosen = games.stream().filter(g -> g.gameId().equals(cfg.gameId())).findFirst().orElse(null);
            if (chosen == null) {
                log("warning: --gameId " + cfg.gameId() + " is not in /games/list; trying it anyway");
                return cfg.gameId();
            }
        } else {
            chosen = games.stream().filter(g -> "hub".equals(g.provider())).findFirst().orElse(null);
            if (chosen == null) {
                problem("/games/list has no game with provider \"hub\" (" + games.size() + " games); pass --gameId");
                return null;
            }
        }
        checkBet(chosen);
        log("game: " + chosen.gameId() + " (bet " + chosen.minBet() + " .. " + chosen.maxBet() + ")");
        return chosen.gameId();
    }

    private void checkBet(HubClient.Game game) {
        try {
            BigDecimal bet = new BigDecimal(cfg.bet());
            if ((game.minBet() != null && bet.compareTo(new BigDecimal(game.minBet())) < 0)
                    || (game.maxBet() != null && bet.compareTo(new BigDecimal(game.maxBet())) > 0)) {
                log("warning: bet " + cfg.bet() + " is outside " + game.minBet() + " .. " + game.maxBet());
            }
        } catch (NumberFormatException ignored) {
            // the hub will say so
        }
    }

    private List<PlayerSession> connect(HubClient hub, HttpClient wsHttp, PlayerSession.RunContext ctx,
            List<Account> accounts, ExecutorService pool) throws InterruptedException {
        List<Future<PlayerSession>> futures = new ArrayList<>();
        for (Account a : accounts) {
            futures.add(pool.submit(() -> {
                PlayerSession session = new PlayerSession(ctx, a.username());
                try {
                    // The wsToken is single-use and short-lived: log in immediately before opening the socket.
                    HubClient.Login login = hub.login(a.username(), a.password());
                    if (login.wsToken() == null || login.wsToken().isBlank()) {
                        problem(a.username() + ": login returned no wsToken");
                        return null;
                    }
                    WebSocket ws = wsHttp.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                            .buildAsync(hub.lobbyUri(login.wsToken()), session)
                            .get(20, TimeUnit.SECONDS);
                    session.attach(ws);
                    return session;
                } catch (IOException | ExecutionException | TimeoutException e) {
                    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                    problem(a.username() + ": connect failed: " + cause);
                    return null;
                }
            }));
        }
        List<PlayerSession> sessions = new ArrayList<>();
        for (Future<PlayerSession> f : futures) {
            PlayerSession s = await(f);
            if (s != null) {
                sessions.add(s);
            }
        }
        sessions.sort(Comparator.comparing(s -> s.username));
        return sessions;
    }

    // ---- the run ----

    private void spin(PlayerSession.RunContext ctx, SpinSchedule schedule, List<PlayerSession> sessions, String gameId,
            ScheduledThreadPoolExecutor timer) {
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        ctx.begin(schedule, t0, gameId, cfg.bet());
        for (int slot = 0; slot < sessions.size(); slot++) {
            sessions.get(slot).start(slot);
        }
        var sweeper = timer.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            for (PlayerSession s : sessions) {
                s.checkTimeout(now);
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        var progress = timer.scheduleAtFixedRate(() -> progress(ctx, sessions), 10, 10, TimeUnit.SECONDS);

        long end = t0 + schedule.endNanos();
        sleepUntil(t0 + schedule.measureStartNanos());
        windowCpuStart = processCpuSeconds();
        sleepUntil(end);
        windowCpuEnd = processCpuSeconds();
        log("schedule finished; draining");
        // Backlogged spins (due before the end, held back by a slow reply) may still go out for one reply timeout.
        long drainSendDeadline = end + ctx.replyTimeoutNanos;
        while (System.nanoTime() - drainSendDeadline < 0 && !sessions.stream().allMatch(PlayerSession::isIdle)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        ctx.stopSending = true;
        // Let the last spins be answered or time out (the sweeper keeps running).
        long replyDeadline = System.nanoTime() + ctx.replyTimeoutNanos + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() - replyDeadline < 0 && sessions.stream().anyMatch(PlayerSession::hasInFlight)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        sweeper.cancel(false);
        progress.cancel(false);
        for (PlayerSession s : sessions) {
            s.finish();
        }
        progress(ctx, sessions);
    }

    private void closeAll(PlayerSession.RunContext ctx, List<PlayerSession> sessions) {
        ctx.closingByBench = true;
        List<CompletableFuture<?>> closes = new ArrayList<>();
        for (PlayerSession s : sessions) {
            closes.add(s.close());
        }
        try {
            CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // aborted below
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500)); // give the hub a moment to answer the closes
        for (PlayerSession s : sessions) {
            s.abort();
        }
    }

    private static void progress(PlayerSession.RunContext ctx, List<PlayerSession> sessions) {
        BenchStats st = ctx.stats;
        long rel = System.nanoTime() - ctx.t0;
        String phase = rel < ctx.schedule.measureStartNanos() ? "warm-up"
                : rel < ctx.schedule.endNanos() ? "measure" : "drain";
        long inFlight = sessions.stream().filter(PlayerSession::hasInFlight).count();
        log(String.format(Locale.ROOT,
                "t=%+.0fs %s: sent %d (+%d warm-up), spinResult %d, errors %d, timeouts %d, delayed %d, in flight %d, "
                        + "socket closes %d",
                rel / 1e9, phase, st.sent.sum(), st.warmupSent.sum(), st.spinResults.sum(), st.errorTotal(),
                st.timeouts.sum(), st.delayed.sum(), inFlight, st.socketCloseTotal()));
    }

    static BenchResult.Counts counts(BenchStats st, SpinSchedule schedule, int activePlayers) {
        return new BenchResult.Counts(
                activePlayers,
                schedule == null ? 0 : schedule.measureDurationNanos() / 1e9,
                schedule == null ? 0 : schedule.measuredSpinsTotal(),
                st.sent.sum(),
                st.delayed.sum(),
                st.spinResults.sum(),
                BenchStats.snapshot(st.errors),
                st.timeouts.sum(),
                st.lostOnClose.sum(),
                st.unsentAtEnd.sum(),
                st.unsentSocketClosed.sum(),
                st.spinResultsInWindow.sum(),
                st.repliesInWindow.sum(),
                BenchStats.snapshot(st.socketCloses),
                BenchStats.snapshot(st.lateOrUnmatchedReplies),
                st.warmupSent.sum(),
                st.warmupSpinResults.sum(),
                st.warmupErrors.sum());
    }

    private BenchResult.LoadGenerator loadGenerator(SpinSchedule schedule) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        return new BenchResult.LoadGenerator(
                windowCpuEnd - windowCpuStart,
                schedule == null ? 0 : schedule.measureDurationNanos() / 1e9,
                processCpuSeconds(),
                heap.getUsed(),
                heap.getMax(),
                gcCount,
                gcMillis / 1000.0,
                ManagementFactory.getThreadMXBean().getThreadCount());
    }

    static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? Double.NaN : nanos / 1e9;
        }
        return Double.NaN;
    }

    // ---- helpers ----

    private void problem(String message) {
        if (problemCount.incrementAndGet() <= MAX_PROBLEMS_LISTED) {
            problems.add(message);
        }
        log("problem: " + message);
    }

    private static <T> T await(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void sleepUntil(long deadlineNanos) {
        long left;
        while ((left = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    static void log(String message) {
        System.err.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " [bench] " + message);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
