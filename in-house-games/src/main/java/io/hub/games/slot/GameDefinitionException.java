package io.hub.games.slot;

/**
 * A game definition file that cannot be used: not JSON, a missing or ill-typed field, an unknown symbol
 * or group in a pattern, reels of the wrong count, a coin count without a pay, and so on. The message names
 * the game (when known) and the offending field.
 */
public class GameDefinitionException extends RuntimeException {
    public GameDefinitionException(String message) {
        super(message);
    }

    public GameDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
