package io.hub.games;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hub.contracts.game.InHouseGame;
import io.hub.games.slot.GameDefinitionException;
import io.hub.games.slot.SlotDefinitionReader;
import io.hub.games.slot.SlotGame;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Entry point for the hub: the built-in games and loading of game definition files.
 *
 * <p>Built-in games are listed in the classpath index {@value #INDEX}:
 * {@code {"games": ["red-white-blue.json", "atkins-diet.json"]}}, each name a file next to the index in
 * {@code games/}, in {@code hub-slot/1} format ({@link SlotDefinitionReader}).
 */
public final class InHouseGames {
    public static final String INDEX = "games/index.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InHouseGames() {
    }

    private static final class Holder {
        static final List<InHouseGame> BUILT_IN = loadIndex();
    }

    /**
     * Every game in the classpath index, in index order; loaded once (exact math included) and cached. The games
     * are immutable and thread-safe.
     *
     * @throws GameDefinitionException when the index or a listed definition is missing or invalid
     */
    public static List<InHouseGame> builtIn() {
        return Holder.BUILT_IN;
    }

    /**
     * The exact figures of an in-house game (RTP, hit frequency, standard deviation, volatility class; see
     * {@link GameMath}), or empty for a game that is not one of this module's slots.
     */
    public static Optional<GameMath> math(InHouseGame game) {
        return game instanceof SlotGame ? Optional.of(((SlotGame) game).math()) : Optional.empty();
    }

    /** One game from a definition file. @throws GameDefinitionException for an unreadable or invalid file */
    public static SlotGame load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new GameDefinitionException("cannot read game definition " + file + ": " + e.getMessage(), e);
        }
    }

    /** One game from a definition stream (not closed). @throws GameDefinitionException for an invalid definition */
    public static SlotGame load(InputStream in) {
        return new SlotGame(SlotDefinitionReader.read(in));
    }

    /** One game from a classpath resource such as {@code "games/red-white-blue.json"}. */
    public static SlotGame loadResource(String resource) {
        try (InputStream in = InHouseGames.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new GameDefinitionException("no game definition on the classpath at " + resource);
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<InHouseGame> loadIndex() {
        JsonNode index;
        try (InputStream in = InHouseGames.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) throw new GameDefinitionException("game index " + INDEX + " is not on the classpath");
            index = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new GameDefinitionException("game index " + INDEX + " is not readable JSON: " + e.getMessage(), e);
        }
        JsonNode games = index.get("games");
        if (games == null || !games.isArray()) throw new GameDefinitionException(INDEX + ": expected {\"games\": [file names]}");
        List<InHouseGame> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode name : games) {
            if (!name.isTextual() || name.asText().contains("/") || name.asText().contains("\\")) {
                throw new GameDefinitionException(INDEX + ": entries must be plain file names");
            }
            SlotGame game = loadResource("games/" + name.asText());
            if (!ids.add(game.descriptor().gameId())) throw new GameDefinitionException(INDEX + ": duplicate game id " + game.descriptor().gameId());
            out.add(game);
        }
        return List.copyOf(out);
    }
}
