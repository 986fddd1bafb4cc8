package io.hub.app.providers.wallet;

import io.hub.contracts.wallet.RoundSweepPort;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes provider rounds that stayed open longer than {@code hub.providers.round-sweep.max-age} (default 48 h, as
 * Caleta auto-finishes rounds [C1]; providers.md §3 scenario 23, §5.7) and records each closure in
 * {@code audit_log} (actor {@code round-sweeper}, action {@code provider.round.closed}, target
 * {@code provider/player/round}, detail: the open bets' count and stake). No money moves: open bets stay open, so a
 * late win or rollback from the provider still settles them.
 */
@Component
public class ProviderRoundSweeper implements RoundSweepPort {
    private final JdbcTemplate jdbc;
    private final Duration maxAge;
    private final int batch;

    public ProviderRoundSweeper(JdbcTemplate jdbc, @Value("${hub.providers.round-sweep.max-age:48h}") Duration maxAge,
                                @Value("${hub.providers.round-sweep.batch-size:500}") int batch) {
        this.jdbc = jdbc;
        this.maxAge = maxAge;
        this.batch = batch;
    }

    @Override
    @Transactional
    public int sweepStaleRounds() {
        // one statement: close a batch of stale rounds (skipping rows a callback holds) and write their audit rows
        Integer n = jdbc.queryForObject("WITH stale AS (SELECT provider_id, player_id, round_id FROM provider_round"
                + " WHERE status = 'OPEN' AND opened_at < clock_timestamp() - (? * interval '1 second')"
                + " ORDER BY opened_at LIMIT ? FOR UPDATE SKIP LOCKED),"
                + " closed AS (UPDATE provider_round r SET status = 'CLOSED', closed_by = 'SWEEPER', closed_at = clock_timestamp()"
                + " FROM stale s WHERE r.provider_id = s.provider_id AND r.player_id = s.player_id AND r.round_id = s.round_id"
                + " RETURNING r.provider_id, r.player_id, r.round_id, r.opened_at),"
                + " audit AS (INSERT INTO audit_log (actor, action, target, detail)"
                + " SELECT 'round-sweeper', 'provider.round.closed', c.provider_id || '/' || c.player_id || '/' || c.round_id,"
                + " jsonb_build_object('openedAt', c.opened_at, 'maxAgeSeconds', ?::bigint,"
                + " 'openBets', (SELECT count(*) FROM provider_bet b WHERE b.provider_id = c.provider_id AND b.player_id = c.player_id"
                + " AND b.round_id = c.round_id AND b.state = 'OPEN'),"
                + " 'openStakeMinor', (SELECT coalesce(sum(stake_minor), 0) FROM provider_bet b WHERE b.provider_id = c.provider_id"
                + " AND b.player_id = c.player_id AND b.round_id = c.round_id AND b.state = 'OPEN')) FROM closed c RETURNING 1)"
                + " SELECT count(*)::int FROM audit", Integer.class, maxAge.toSeconds(), batch, maxAge.toSeconds());
        return n == null ? 0 : n;
    }
}
