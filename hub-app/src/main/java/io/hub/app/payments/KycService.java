package io.hub.app.payments;

import io.hub.contracts.payments.KycGate;
import io.hub.contracts.payments.KycStatus;
import io.hub.contracts.payments.VerifiedWebhook;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * KYC state per player (payments.md §5.3): NOT_STARTED (no record), PENDING, APPROVED, RETRY_REQUIRED, REJECTED,
 * IN_REVIEW, driven by the vendor's verified webhooks in occurrence order (an event older than the one applied is
 * recorded only). A REJECTED after APPROVED puts the player's REQUESTED withdrawals ON_HOLD; deposits and balances are
 * untouched (never confiscated). As {@link KycGate}: a REJECTED player may not place new bets (and, with
 * {@code hub.payments.kyc.require-approval-to-wager}, only an APPROVED one may), nor may a player who owes the hub
 * money (a chargeback or refund their cash could not cover: the receivable of {@link PaymentLedger#debitPlayer},
 * payments.md §5.2 "lock account"); answers are cached for one second per node, and dropped on this node when a
 * payment changes what the player owes.
 */
@Service
public class KycService implements KycGate {
    private static final long CACHE_MS = 1000;
    private final JdbcTemplate jdbc;
    private final PaymentsProperties props;
    private final PaymentEvents events;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    private final PaymentLedger ledger;

    public KycService(JdbcTemplate jdbc, PaymentsProperties props, PaymentEvents events, PaymentLedger ledger) {
        this.jdbc = jdbc;
        this.props = props;
        this.events = events;
        this.ledger = ledger;
    }

    private record Cached(String status, long owedMinor, long at) {
    }

    /** The player's KYC status name; NOT_STARTED without a record. */
    public String status(UUID playerId) {
        return jdbc.query("SELECT status FROM kyc_applicant WHERE player_id = ?", rs -> rs.next() ? rs.getString(1) : "NOT_STARTED", playerId);
    }

    /** The player's jurisdiction for AML limits. */
    public String jurisdiction(UUID playerId) {
        return jdbc.query("SELECT jurisdiction FROM kyc_applicant WHERE player_id = ?", rs -> rs.next() ? rs.getString(1) : props.kyc().defaultJurisdiction(), playerId);
    }

    @Override
    public boolean mayWager(UUID playerId) {
        long now = System.currentTimeMillis();
        Cached c = cache.get(playerId);
        if (c == null || now - c.at() > CACHE_MS) {
            c = new Cached(status(playerId), ledger.owedMinor(playerId), now);
            cache.put(playerId, c);
        }
        if ("REJECTED".equals(c.status()) || c.owedMinor() > 0) return false;
        return !props.kyc().requireApprovalToWager() || "APPROVED".equals(c.status());
    }

    /** Drops the cached gate answer of the player once the caller's transaction has committed (what they owe changed). */
    void forgetAfterCommit(UUID playerId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache.remove(playerId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.remove(playerId);
            }
        });
    }

    /** Sets a status directly (demo data, operator tools); publishes the change. Must run in a transaction. */
    public void set(UUID playerId, String status, String vendorId, String applicantId) {
        jdbc.update("INSERT INTO kyc_applicant (player_id, status, jurisdiction) VALUES (?, 'NOT_STARTED', ?) ON CONFLICT DO NOTHING",
                playerId, props.kyc().defaultJurisdiction());
        String previous = jdbc.queryForObject("SELECT status FROM kyc_applicant WHERE player_id = ? FOR UPDATE", String.class, playerId);
        if (previous.equals(status)) return;
        jdbc.update("UPDATE kyc_applicant SET status = ?, vendor_id = coalesce(?, vendor_id), applicant_id = coalesce(?, applicant_id), "
                + "updated_at = clock_timestamp() WHERE player_id = ?", status, vendorId, applicantId, playerId);
        events.kyc(playerId, status, previous, vendorId, applicantId);
        cache.remove(playerId);
    }

    /**
     * Applies one verified KYC event inside the caller's transaction.
     *
     * @return the outcome text, or empty when the applicant matches no player (the event stays UNMATCHED and is retried)
     */
    Optional<String> apply(String vendorId, VerifiedWebhook event, WithdrawalService withdrawals) {
        Optional<UUID> player = player(event);
        if (player.isEmpty()) return Optional.empty();
        UUID playerId = player.get();
        KycStatus status = (KycStatus) event.status();
        if (status.ignored()) return Optional.of("ignored: " + event.eventType() + " carries no KYC decision");
        jdbc.update("INSERT INTO kyc_applicant (player_id, status, jurisdiction) VALUES (?, 'NOT_STARTED', ?) ON CONFLICT DO NOTHING",
                playerId, props.kyc().defaultJurisdiction());
        Map<String, Object> row = jdbc.queryForMap("SELECT status, last_event_at FROM kyc_applicant WHERE player_id = ? FOR UPDATE", playerId);
        String previous = (String) row.get("status");
        Timestamp last = (Timestamp) row.get("last_event_at");
        if (last != null && event.occurredAt().isBefore(last.toInstant())) {
            return Optional.of("recorded only: older (" + event.occurredAt() + ") than the applied event (" + last.toInstant() + ")");
        }
        String next = status.name();
        jdbc.update("UPDATE kyc_applicant SET status = ?, vendor_id = ?, applicant_id = ?, last_event_at = ?, updated_at = clock_timestamp() "
                + "WHERE player_id = ?", next, vendorId, event.reference().orElse(null), Timestamp.from(event.occurredAt()), playerId);
        cache.remove(playerId);
        if (!previous.equals(next)) events.kyc(playerId, next, previous, vendorId, event.reference().orElse(null));
        String held = "";
        if (status == KycStatus.REJECTED) {
            int n = withdrawals.holdRequested(playerId, "KYC_REJECTED");
            held = n > 0 ? "; " + n + " requested withdrawal(s) put on hold" : "";
        }
        return Optional.of("KYC " + previous + " → " + next + held);
    }

    /** The player the event is about: {@code externalUserId} as a hub player id, else a known applicant id. */
    private Optional<UUID> player(VerifiedWebhook event) {
        String external = event.attributes().get("externalUserId");
        if (external != null) {
            try {
                UUID id = UUID.fromString(external);
                List<UUID> found = jdbc.queryForList("SELECT id FROM app_user WHERE id = ? AND role = 'PLAYER'", UUID.class, id);
                if (!found.isEmpty()) return Optional.of(id);
            } catch (IllegalArgumentException notAUuid) {
                // fall through to the applicant id
            }
        }
        if (event.reference().isPresent()) {
            List<UUID> found = jdbc.queryForList("SELECT player_id FROM kyc_applicant WHERE applicant_id = ?", UUID.class, event.reference().get());
            if (!found.isEmpty()) return Optional.of(found.get(0));
        }
        return Optional.empty();
    }

    Instant now() {
        return Instant.now();
    }
}
