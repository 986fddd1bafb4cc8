package io.hub.app.player;

/** A user with that username exists already. */
public final class UsernameTakenException extends RuntimeException {
    public UsernameTakenException(String username) {
        super("username '" + username + "' is taken", null, false, false);
    }
}
