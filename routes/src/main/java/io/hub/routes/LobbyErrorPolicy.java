package io.hub.routes;

import io.hub.contracts.RejectedException;
import io.hub.contracts.RejectionCode;
import io.hub.contracts.lobby.LobbyMessage;
import io.hub.contracts.lobby.LobbyRejection;
import io.hub.contracts.lobby.LobbyReply;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lobby's error policy, one named route configuration shared by every lobby route: a domain rejection
 * becomes an {@code error} frame with its code; anything else becomes {@code INTERNAL_ERROR} (logged with the
 * stack trace) so that the WebSocket stays open and the hub stays up. Nothing is retried here: the ledger
 * either committed or rolled back, and the client may retry with the same requestId. {@link #TRANSACTED_ID} is the
 * variant for transacted routes: the error frame is the answer and the database transaction rolls back.
 */
public class LobbyErrorPolicy extends RouteConfigurationBuilder {
    public static final String ID = "lobby-errors";
    /** The same policy for a transacted route: each handled error also marks the transaction for rollback. */
    public static final String TRANSACTED_ID = "lobby-transaction-errors";
    /** Exchange property holding the parsed request, so an error can echo its requestId. */
    public static final String REQUEST = "hubLobbyRequest";
    private static final Logger log = LoggerFactory.getLogger(LobbyErrorPolicy.class);

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(RejectedException.class).handled(true).process(LobbyErrorPolicy::rejected).end()
                .onException(Exception.class).handled(true).process(LobbyErrorPolicy::unexpected).end();
        // the same answers inside a transacted route, which must also roll its database transaction back
        routeConfiguration(TRANSACTED_ID)
                .onException(RejectedException.class).handled(true).process(LobbyErrorPolicy::rejected).markRollbackOnlyLast().end()
                .onException(Exception.class).handled(true).process(LobbyErrorPolicy::unexpected).markRollbackOnlyLast().end();
    }

    private static void rejected(Exchange e) {
        RejectedException ex = e.getProperty(Exchange.EXCEPTION_CAUGHT, RejectedException.class);
        String requestId = ex instanceof LobbyRejection lr && lr.requestId() != null ? lr.requestId() : requestId(e);
        e.getMessage().setBody(new LobbyReply.Error(ex.code().name(), ex.getMessage(), requestId));
    }

    private static void unexpected(Exchange e) {
        Exception ex = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        log.error("lobby request failed requestId={}", requestId(e), ex);
        e.getMessage().setBody(new LobbyReply.Error(RejectionCode.INTERNAL_ERROR.name(),
                RejectionCode.INTERNAL_ERROR.defaultMessage(), requestId(e)));
    }

    static String requestId(Exchange e) {
        LobbyMessage m = e.getProperty(REQUEST, LobbyMessage.class);
        return m == null ? null : m.requestId();
    }
}
