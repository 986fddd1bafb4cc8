package io.hub.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Parameters of one {@link LobbyBench} run.
 *
 * <p>Every option can be given as {@code --name value}, {@code --name=value} or as the system property {@code bench.name};
 * a command-line argument wins over a system property, which wins over the default.
 */
public record BenchConfig(
        URI baseUrl,
        int players,
        double spinsPerSecondPerPlayer,
        int durationSeconds,
        int warmupSeconds,
        String bet,
        String gameId,
        Path report,
        String label,
        String usernamePrefix,
        String currency,
        BigDecimal fundAmount,
        int setupParallelism,
        Duration replyTimeout,
        String operatorUsername,
        String operatorPassword) {

    /** Option name → description; the order is the order of {@code --help}. */
    static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("baseUrl", "hub base URL, loopback only (default http://localhost:8080)");
        OPTIONS.put("players", "number of players / WebSockets (default 100)");
        OPTIONS.put("spinsPerSecondPerPlayer", "offered spins per second per player (default 1)");
        OPTIONS.put("durationSeconds", "measurement window in seconds (default 60)");
        OPTIONS.put("warmupSeconds", "warm-up before the measurement window, not recorded (default 10)");
        OPTIONS.put("bet", "bet per spin (default 1.00)");
        OPTIONS.put("gameId", "game to spin (default: first game of /games/list with provider \"hub\")");
        OPTIONS.put("report", "Markdown file the result section is appended to (default: stdout only)");
        OPTIONS.put("label", "title of the report section (default: \"<players> players\")");
        OPTIONS.put("prefix", "username prefix (default b<epochSeconds>, so re-runs do not collide)");
        OPTIONS.put("currency", "player currency (default EUR)");
        OPTIONS.put("fund", "credit per player (default max(1000.00, 1.2 x bet x spins per player))");
        OPTIONS.put("setupParallelism", "concurrent HTTP calls while setting up players (default 32)");
        OPTIONS.put("replyTimeoutSeconds", "a spin without a reply after this long counts as a timeout (default 10)");
        OPTIONS.put("operatorUsername", "operator login (default operator)");
        OPTIONS.put("operatorPassword", "operator password (default operator)");
    }

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public BenchConfig {
        requireLoopback(baseUrl);
        if (players < 1) {
            throw new IllegalArgumentException("players must be >= 1, was " + players);
        }
        if (!(spinsPerSecondPerPlayer > 0) || Double.isInfinite(spinsPerSecondPerPlayer)) {
            throw new IllegalArgumentException("spinsPerSecondPerPlayer must be > 0, was " + spinsPerSecondPerPlayer);
        }
        if (durationSeconds < 1) {
            throw new IllegalArgumentException("durationSeconds must be >= 1, was " + durationSeconds);
        }
        if (warmupSeconds < 0) {
            throw new IllegalArgumentException("warmupSeconds must be >= 0, was " + warmupSeconds);
        }
        if (new BigDecimal(bet).signum() <= 0) {
            throw new IllegalArgumentException("bet must be > 0, was " + bet);
        }
        if (setupParallelism < 1) {
            throw new IllegalArgumentException("setupParallelism must be >= 1, was " + setupParallelism);
        }
    }

    public double offeredSpinsPerSecond() {
        return players * spinsPerSecondPerPlayer;
    }

    /** Parses {@code args} and the {@code bench.*} system properties. */
    public static BenchConfig parse(String[] args, Properties systemProperties, long epochSeconds) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : OPTIONS.keySet()) {
            String v = systemProperties.getProperty("bench." + key);
            if (v != null) {
                values.put(key, v);
            }
        }
        values.putAll(parseArgs(List.of(args)));

        int players = intValue(values, "players", 100);
        double rate = doubleValue(values, "spinsPerSecondPerPlayer", 1.0);
        int duration = intValue(values, "durationSeconds", 60);
        int warmup = intValue(values, "warmupSeconds", 10);
        String bet = values.getOrDefault("bet", "1.00");
        BigDecimal fund = values.containsKey("fund")
                ? new BigDecimal(values.get("fund"))
                : defaultFund(new BigDecimal(bet), rate, warmup + duration);
        String report = values.get("report");
        return new BenchConfig(
                URI.create(stripTrailingSlash(values.getOrDefault("baseUrl", "http://localhost:8080"))),
                players,
                rate,
                duration,
                warmup,
                bet,
                emptyToNull(values.get("gameId")),
                report == null || report.isBlank() ? null : Path.of(report),
                values.getOrDefault("label", players + " players"),
                values.getOrDefault("prefix", "b" + epochSeconds),
                values.getOrDefault("currency", "EUR"),
                fund.setScale(2, RoundingMode.UP),
                intValue(values, "setupParallelism", 32),
                Duration.ofSeconds(intValue(values, "replyTimeoutSeconds", 10)),
                values.getOrDefault("operatorUsername", "operator"),
                values.getOrDefault("operatorPassword", "operator"));
    }

    /** Enough for every spin to lose, with head-room; at least 1000.00. */
    static BigDecimal defaultFund(BigDecimal bet, double spinsPerSecond, int seconds) {
        BigDecimal needed = bet.multiply(BigDecimal.valueOf(Math.ceil(spinsPerSecond * seconds)))
                .multiply(new BigDecimal("1.2"));
        BigDecimal floor = new BigDecimal("1000.00");
        return needed.compareTo(floor) > 0 ? needed.setScale(0, RoundingMode.UP).setScale(2) : floor;
    }

    static Map<String, String> parseArgs(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (options look like --players 100)");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
            if (!OPTIONS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + OPTIONS.keySet());
            }
            values.put(name, value);
        }
        return values;
    }

    /**
     * Refuses anything but a loopback address: this tool floods the target with logins and spins.
     * Host names other than {@code localhost} are refused without a DNS lookup.
     */
    static void requireLoopback(URI baseUrl) {
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("baseUrl must be http(s)://..., was " + baseUrl);
        }
        if (!isLoopbackHost(baseUrl.getHost())) {
            throw new IllegalArgumentException("refusing to load anything but localhost; baseUrl was " + baseUrl);
        }
    }

    static boolean isLoopbackHost(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (IPV4_LITERAL.matcher(h).matches()) {
            String[] octets = h.split("\\.");
            for (String o : octets) {
                if (Integer.parseInt(o) > 255) {
                    return false;
                }
            }
            return octets[0].equals("127");
        }
        return h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("Usage: java -Xmx512m -jar bench/target/bench-0.1.0-SNAPSHOT.jar [--option value]...\n"
                + "Options (also as system properties -Dbench.<option>=value):\n");
        OPTIONS.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  --%-26s %s%n", k, v)));
        return sb.toString();
    }

    private static int intValue(Map<String, String> values, String key, int def) {
        String v = values.get(key);
        try {
            return v == null ? def : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be an integer, was '" + v + "'");
        }
    }

    private static double doubleValue(Map<String, String> values, String key, double def) {
        String v = values.get(key);
        try {
            return v == null ? def : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number, was '" + v + "'");
        }
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
