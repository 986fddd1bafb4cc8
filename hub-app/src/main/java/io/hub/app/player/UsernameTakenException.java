package io.hub.app.player;

/** A user with that username (or external subject) exists already. */
public final class UsernameTakenException extends RuntimeException {
    public UsernameTakenException(String username) {
        super("username '" + username + "' is taken", null, false, false);
    }

    /** A conflict described by {@code message} (e.g. a subject bound to another user). */
    public UsernameTakenException(String message, boolean describedConflict) {
        super(message, null, false, false);
    }
}
