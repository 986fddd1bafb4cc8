package io.hub.games.slot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates a {@code hub-slot/1} game definition (JSON, UTF-8).
 *
 * <h2>Format</h2>
 * <pre>{@code
 * {
 *   "format": "hub-slot/1",                  // required, exactly this
 *   "gameId": "red-white-blue",              // required, kebab-case
 *   "name": "Red White & Blue",              // required
 *   "type": "slot",                          // optional, default "slot"
 *   "source": "where the math comes from",   // optional
 *   "rows": 1,                               // visible rows per reel, default 1
 *   "symbols": ["Red 7", "White 7", ...],    // every symbol, at most 63
 *   "groups": {"any bar": ["1 bar", "2 bar", "3 bar"], ...},   // optional
 *   "reels": [["Red 7", "White 7", ...], ...],                // one strip per reel; stop s shows strip[s..s+rows-1]
 *   "stopWeights": null,                     // or one list of positive integer weights per reel (same length as its strip)
 *   "bet": {"mode": "coins", "lobbyCoins": 1, "maxCoins": 3},  // or {"mode": "lines"}
 *   "paylines": [[0, 0, 0]],                 // row index (0 = top) per reel, one list per line
 *   "paytable": [                            // line pays, left-aligned; highest single win per line is paid
 *     {"name": "...", "pattern": ["Red 7", "White 7", "Blue 7"], "pays": {"1": 2400, "2": 4800, "3": 10000}},
 *     {"pattern": ["Steak", "Steak", "Steak"], "pays": 40}     // an integer: pays x coins (per unit)
 *   ],
 *   "wild": {"symbol": "Atkins", "except": ["Scale"]},        // optional; or "symbols": ["Wild x2", "Wild x3"]
 *   "multipliers": {"symbols": {"Wild x2": 2, "Wild x3": 3}, "combine": "multiply"},  // optional; or "add"
 *   "scatters": [{"symbol": "Scale", "pays": {"3": 5, "4": 25, "5": 100}}],  // optional, x total bet
 *   "freeSpins": {"symbol": "Scale", "minCount": 3, "spins": 10, "multiplier": 3, "retrigger": true},  // optional
 *   "winCap": 5000,                          // optional, x total bet per round
 *   "volatility": "high"                     // optional: declared when the game is too big to enumerate at load
 * }
 * }</pre>
 * Pattern positions name a symbol or a group. Pays are integers (multiples of the coin value or line bet):
 * money is never a fraction.
 *
 * @throws GameDefinitionException (from every method) for unreadable JSON or any rule above broken
 */
public final class SlotDefinitionReader {
    public static final String FORMAT = "hub-slot/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SlotDefinitionReader() {
    }

    /** Reads one definition from a stream (not closed). */
    public static SlotDefinition read(InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new GameDefinitionException("game definition is not readable JSON: " + e.getMessage(), e);
        }
        return parse(root);
    }

    /** Builds a definition from an already parsed JSON tree. */
    public static SlotDefinition parse(JsonNode root) {
        if (root == null || !root.isObject()) throw new GameDefinitionException("game definition must be a JSON object");
        String format = text(root, "format", null, "?");
        if (!FORMAT.equals(format)) throw new GameDefinitionException("unsupported format '" + format + "', expected " + FORMAT);
        String gameId = text(root, "gameId", null, "?");
        if (!gameId.matches("[a-z0-9]+(-[a-z0-9]+)*")) throw new GameDefinitionException("gameId must be kebab-case: " + gameId);
        String name = text(root, "name", null, gameId);
        String type = text(root, "type", "slot", gameId);
        String source = text(root, "source", "", gameId);
        int rows = integer(root, "rows", 1, gameId);
        if (rows < 1) throw fail(gameId, "rows must be at least 1");

        List<String> symbols = strings(require(root, "symbols", gameId), "symbols", gameId);
        if (symbols.isEmpty() || symbols.size() > 63) throw fail(gameId, "symbols: 1..63 symbols expected");
        Set<String> symbolSet = new HashSet<>(symbols);
        if (symbolSet.size() != symbols.size()) throw fail(gameId, "symbols: duplicate name");

        Map<String, List<String>> groups = new LinkedHashMap<>();
        JsonNode g = root.get("groups");
        if (g != null && !g.isNull()) {
            if (!g.isObject()) throw fail(gameId, "groups must be an object");
            for (Iterator<Map.Entry<String, JsonNode>> it = g.fields(); it.hasNext(); ) {
                var e = it.next();
                if (symbolSet.contains(e.getKey())) throw fail(gameId, "group name clashes with a symbol: " + e.getKey());
                List<String> members = strings(e.getValue(), "groups." + e.getKey(), gameId);
                for (String m : members) if (!symbolSet.contains(m)) throw fail(gameId, "groups." + e.getKey() + ": unknown symbol " + m);
                groups.put(e.getKey(), members);
            }
        }

        JsonNode reelsNode = require(root, "reels", gameId);
        if (!reelsNode.isArray() || reelsNode.size() < 1) throw fail(gameId, "reels must be a non-empty array");
        List<List<String>> reels = new ArrayList<>();
        for (int r = 0; r < reelsNode.size(); r++) {
            List<String> strip = strings(reelsNode.get(r), "reels[" + r + "]", gameId);
            if (strip.size() < rows) throw fail(gameId, "reels[" + r + "] is shorter than the window");
            for (String s : strip) if (!symbolSet.contains(s)) throw fail(gameId, "reels[" + r + "]: unknown symbol " + s);
            reels.add(strip);
        }
        int nReels = reels.size();

        List<List<Long>> weights = new ArrayList<>();
        JsonNode w = root.get("stopWeights");
        if (w != null && !w.isNull()) {
            if (!w.isArray() || w.size() != nReels) throw fail(gameId, "stopWeights: one list per reel expected");
            for (int r = 0; r < nReels; r++) {
                JsonNode list = w.get(r);
                if (!list.isArray() || list.size() != reels.get(r).size()) throw fail(gameId, "stopWeights[" + r + "]: one weight per stop expected");
                List<Long> ws = new ArrayList<>();
                long total = 0;
                for (JsonNode x : list) {
                    if (!x.canConvertToLong() || !x.isIntegralNumber() || x.asLong() < 1) throw fail(gameId, "stopWeights[" + r + "]: positive integers expected");
                    ws.add(x.asLong());
                    total += x.asLong();
                }
                if (total > Integer.MAX_VALUE) throw fail(gameId, "stopWeights[" + r + "]: total weight must fit in 31 bits");
                weights.add(ws);
            }
        }

        JsonNode betNode = require(root, "bet", gameId);
        String modeText = text(betNode, "mode", null, gameId);
        SlotDefinition.Bet bet;
        switch (modeText) {
            case "coins" -> {
                int maxCoins = integer(betNode, "maxCoins", 1, gameId);
                int lobbyCoins = integer(betNode, "lobbyCoins", 1, gameId);
                if (maxCoins < 1 || lobbyCoins < 1 || lobbyCoins > maxCoins) throw fail(gameId, "bet: need 1 <= lobbyCoins <= maxCoins");
                bet = new SlotDefinition.Bet(SlotDefinition.BetMode.COINS, lobbyCoins, maxCoins);
            }
            case "lines" -> bet = new SlotDefinition.Bet(SlotDefinition.BetMode.LINES, 1, 1);
            default -> throw fail(gameId, "bet.mode must be 'coins' or 'lines'");
        }

        JsonNode linesNode = require(root, "paylines", gameId);
        if (!linesNode.isArray() || linesNode.size() < 1) throw fail(gameId, "paylines must be a non-empty array");
        List<List<Integer>> paylines = new ArrayList<>();
        for (int l = 0; l < linesNode.size(); l++) {
            JsonNode line = linesNode.get(l);
            if (!line.isArray() || line.size() != nReels) throw fail(gameId, "paylines[" + l + "]: one row per reel expected");
            List<Integer> rowsOfLine = new ArrayList<>();
            for (JsonNode x : line) {
                if (!x.isInt() || x.asInt() < 0 || x.asInt() >= rows) throw fail(gameId, "paylines[" + l + "]: row out of range");
                rowsOfLine.add(x.asInt());
            }
            paylines.add(rowsOfLine);
        }

        JsonNode ptNode = require(root, "paytable", gameId);
        if (!ptNode.isArray()) throw fail(gameId, "paytable must be an array");
        List<SlotDefinition.PayEntry> paytable = new ArrayList<>();
        for (int i = 0; i < ptNode.size(); i++) {
            JsonNode e = ptNode.get(i);
            String where = "paytable[" + i + "]";
            List<String> pattern = strings(require(e, "pattern", gameId), where + ".pattern", gameId);
            if (pattern.isEmpty() || pattern.size() > nReels) throw fail(gameId, where + ": pattern needs 1.." + nReels + " positions");
            for (String p : pattern) if (!symbolSet.contains(p) && !groups.containsKey(p)) throw fail(gameId, where + ": unknown symbol or group " + p);
            Map<Integer, Long> pays = pays(require(e, "pays", gameId), bet.maxCoins(), where, gameId);
            String entryName = e.hasNonNull("name") ? e.get("name").asText() : String.join(", ", pattern);
            paytable.add(new SlotDefinition.PayEntry(entryName, pattern, pays));
        }

        Optional<SlotDefinition.Wild> wild = Optional.empty();
        JsonNode wildNode = root.get("wild");
        if (wildNode != null && !wildNode.isNull()) {
            List<String> ws;
            if (wildNode.hasNonNull("symbols")) {
                if (wildNode.hasNonNull("symbol")) throw fail(gameId, "wild: give 'symbol' or 'symbols', not both");
                ws = strings(wildNode.get("symbols"), "wild.symbols", gameId);
                if (ws.isEmpty() || new HashSet<>(ws).size() != ws.size()) throw fail(gameId, "wild.symbols: distinct symbols expected");
            } else {
                ws = List.of(text(wildNode, "symbol", null, gameId));
            }
            for (String x : ws) if (!symbolSet.contains(x)) throw fail(gameId, "wild: unknown symbol " + x);
            List<String> except = wildNode.has("except") ? strings(wildNode.get("except"), "wild.except", gameId) : List.of();
            for (String x : except) if (!symbolSet.contains(x)) throw fail(gameId, "wild.except: unknown symbol " + x);
            wild = Optional.of(new SlotDefinition.Wild(ws, except));
        }

        List<SlotDefinition.Scatter> scatters = new ArrayList<>();
        JsonNode scNode = root.get("scatters");
        if (scNode != null && !scNode.isNull()) {
            if (!scNode.isArray()) throw fail(gameId, "scatters must be an array");
            for (int i = 0; i < scNode.size(); i++) {
                JsonNode s = scNode.get(i);
                String sym = text(s, "symbol", null, gameId);
                if (!symbolSet.contains(sym)) throw fail(gameId, "scatters[" + i + "]: unknown symbol " + sym);
                JsonNode p = require(s, "pays", gameId);
                if (!p.isObject()) throw fail(gameId, "scatters[" + i + "].pays must map count to pay");
                Map<Integer, Long> byCount = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    var e = it.next();
                    int count = parseKey(e.getKey(), "scatters[" + i + "].pays", gameId);
                    byCount.put(count, nonNegativeLong(e.getValue(), "scatters[" + i + "].pays", gameId));
                }
                scatters.add(new SlotDefinition.Scatter(sym, byCount));
            }
        }

        Optional<SlotDefinition.FreeSpins> freeSpins = Optional.empty();
        JsonNode fsNode = root.get("freeSpins");
        if (fsNode != null && !fsNode.isNull()) {
            String sym = text(fsNode, "symbol", null, gameId);
            if (!symbolSet.contains(sym)) throw fail(gameId, "freeSpins: unknown symbol " + sym);
            int minCount = integer(fsNode, "minCount", 3, gameId);
            int spins = integer(fsNode, "spins", 0, gameId);
            int mult = integer(fsNode, "multiplier", 1, gameId);
            boolean retrigger = fsNode.path("retrigger").asBoolean(false);
            if (minCount < 1 || spins < 1 || mult < 1) throw fail(gameId, "freeSpins: minCount, spins and multiplier must be positive");
            freeSpins = Optional.of(new SlotDefinition.FreeSpins(sym, minCount, spins, mult, retrigger));
        }

        Optional<Long> winCap = Optional.empty();
        JsonNode capNode = root.get("winCap");
        if (capNode != null && !capNode.isNull()) {
            long cap = nonNegativeLong(capNode, "winCap", gameId);
            if (cap < 1) throw fail(gameId, "winCap must be positive");
            winCap = Optional.of(cap);
        }
        Optional<String> volatility = Optional.empty();
        JsonNode volNode = root.get("volatility");
        if (volNode != null && !volNode.isNull()) {
            String v = volNode.asText();
            if (!Set.of("low", "medium", "high").contains(v)) throw fail(gameId, "volatility must be low, medium or high");
            volatility = Optional.of(v);
        }
        Optional<SlotDefinition.Multipliers> multipliers = Optional.empty();
        JsonNode mNode = root.get("multipliers");
        if (mNode != null && !mNode.isNull()) {
            JsonNode bySym = require(mNode, "symbols", gameId);
            if (!bySym.isObject() || bySym.size() == 0) throw fail(gameId, "multipliers.symbols must map symbol names to multipliers");
            Map<String, Integer> by = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = bySym.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!symbolSet.contains(e.getKey())) throw fail(gameId, "multipliers.symbols: unknown symbol " + e.getKey());
                if (!e.getValue().isInt() || e.getValue().asInt() < 1) throw fail(gameId, "multipliers.symbols: positive integers expected");
                by.put(e.getKey(), e.getValue().asInt());
            }
            String combine = text(mNode, "combine", "multiply", gameId);
            SlotDefinition.Combine c;
            switch (combine) {
                case "multiply" -> c = SlotDefinition.Combine.MULTIPLY;
                case "add" -> c = SlotDefinition.Combine.ADD;
                default -> throw fail(gameId, "multipliers.combine must be 'multiply' or 'add'");
            }
            multipliers = Optional.of(new SlotDefinition.Multipliers(by, c));
        }
        return new SlotDefinition(gameId, name, type, source, rows, symbols, groups, reels, weights, bet, paylines,
                paytable, wild, scatters, freeSpins, winCap, volatility, multipliers);
    }

    private static Map<Integer, Long> pays(JsonNode node, int maxCoins, String where, String gameId) {
        Map<Integer, Long> pays = new LinkedHashMap<>();
        if (node.isIntegralNumber()) {
            long perCoin = nonNegativeLong(node, where + ".pays", gameId);
            for (int c = 1; c <= maxCoins; c++) pays.put(c, Math.multiplyExact(perCoin, c));
            return pays;
        }
        if (!node.isObject()) throw fail(gameId, where + ".pays must be an integer or an object of coin count to pay");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            int coins = parseKey(e.getKey(), where + ".pays", gameId);
            if (coins > maxCoins) throw fail(gameId, where + ".pays: coin count " + coins + " above maxCoins");
            pays.put(coins, nonNegativeLong(e.getValue(), where + ".pays", gameId));
        }
        for (int c = 1; c <= maxCoins; c++) if (!pays.containsKey(c)) throw fail(gameId, where + ".pays: no pay for " + c + " coin(s)");
        return pays;
    }

    private static int parseKey(String key, String where, String gameId) {
        try {
            int v = Integer.parseInt(key);
            if (v < 1) throw fail(gameId, where + ": keys must be positive integers");
            return v;
        } catch (NumberFormatException e) {
            throw fail(gameId, where + ": keys must be positive integers, got " + key);
        }
    }

    private static long nonNegativeLong(JsonNode n, String where, String gameId) {
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) throw fail(gameId, where + ": non-negative integers expected");
        return n.asLong();
    }

    private static JsonNode require(JsonNode parent, String field, String gameId) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) throw fail(gameId, "missing field '" + field + "'");
        return n;
    }

    private static String text(JsonNode parent, String field, String dflt, String gameId) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            if (dflt == null) throw fail(gameId, "missing field '" + field + "'");
            return dflt;
        }
        if (!n.isTextual()) throw fail(gameId, "'" + field + "' must be a string");
        return n.asText();
    }

    private static int integer(JsonNode parent, String field, int dflt, String gameId) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) return dflt;
        if (!n.isInt()) throw fail(gameId, "'" + field + "' must be an integer");
        return n.asInt();
    }

    private static List<String> strings(JsonNode n, String where, String gameId) {
        if (n == null || !n.isArray()) throw fail(gameId, where + " must be an array of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode x : n) {
            if (!x.isTextual()) throw fail(gameId, where + " must be an array of strings");
            out.add(x.asText());
        }
        return out;
    }

    private static GameDefinitionException fail(String gameId, String message) {
        return new GameDefinitionException("game '" + gameId + "': " + message);
    }
}
