package io.hub.app.payments;

/**
 * What processing one inbox event did.
 *
 * @param state PROCESSED (applied or recorded only), DEFERRED (retry later: it needs an earlier event or a decision),
 *              IGNORED (nothing to do: informational type, wrong currency)
 * @param text  what happened, stored in the inbox row's {@code outcome}
 */
record InboxOutcome(String state, String text) {
    static InboxOutcome processed(String text) {
        return new InboxOutcome("PROCESSED", text);
    }

    static InboxOutcome deferred(String text) {
        return new InboxOutcome("DEFERRED", text);
    }

    static InboxOutcome ignored(String text) {
        return new InboxOutcome("IGNORED", text);
    }
}
