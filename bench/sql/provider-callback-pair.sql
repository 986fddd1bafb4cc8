-- One Pragmatic bet + win callback pair as the hub's ProviderWallet and Ledger send it to PostgreSQL: per callback one
-- database transaction of the same statements, in the same order: the player's cash row locked (Ledger.lockBalances),
-- the one lookup (callback record, bet, round, player status, session; for the win, the round's bet states), the one
-- ledger statement carrying the ledger row, balance, postings, the bet/round/callback rows (CompanionStatements) and
-- the outbox row, then COMMIT. Each pgbench client plays its own player (:client_id), like the hub bench's connections.
-- pgbench counts one script run = two ledger operations (two callbacks). Run with -M prepared on a database built from
-- the hub's migrations plus bench/sql/provider-callback-seed.sql. (No colon directly before a letter in the SQL text but
-- pgbench variables.)
\set cash 100000 + :client_id
\set clr 300000 + (100000 + :client_id) % 16
\set r random(1, 9000000000000000000)
-- the bet: 1.00 EUR
BEGIN;
SELECT id, balance_minor AS bal, balance_version FROM account WHERE id = ANY(ARRAY[:cash::bigint]) ORDER BY id FOR UPDATE \gset
SELECT t.kind, t.player_id, t.request_hash, t.hub_tx_id, t.balance_minor, b.player_id, b.round_id, b.stake_minor, b.state, b.rollback_tx_id, r.status, u.status,
       s.id, s.player_id, s.game_id, s.currency, s.mode, s.created_at, s.expires_at, s.superseded_by IS NOT NULL, NULL
FROM (SELECT 1) x
LEFT JOIN provider_transaction t ON t.provider_id = 'pgbench' AND t.scope = '' AND t.transaction_id = 'bet:' || 'b' || :r::text
LEFT JOIN provider_bet b ON b.provider_id = 'pgbench' AND b.scope = '' AND b.bet_ref = 'b' || :r::text
LEFT JOIN provider_round r ON r.provider_id = 'pgbench' AND r.player_id = md5('pgbench-player-' || :client_id::text)::uuid AND r.round_id = coalesce(b.round_id, 'r' || :r::text)
LEFT JOIN app_user u ON u.id = md5('pgbench-player-' || :client_id::text)::uuid
LEFT JOIN provider_session s ON s.token_hash = CAST(NULL AS bytea) AND s.provider_id = 'pgbench';
WITH t AS (INSERT INTO ledger_transaction (id, reason, source, scope, external_id, request_hash, result, currency, player_id, resolves_hold, metadata, created_at)
           VALUES (gen_random_uuid(), 'PROVIDER_BET', 'provider:' || 'pgbench', '', 'bet:' || 'b' || :r::text, sha256(('b' || :r::text)::bytea),
                   ('{"balanceMinor": ' || (:bal::bigint - 100) || '}')::json, 'EUR', md5('pgbench-player-' || :client_id::text)::uuid, NULL,
                   ('{"provider": "pgbench", "kind": "BET", "transactionId": "b' || :r::text || '", "roundId": "r' || :r::text || '", "gameId": "bench"}')::json, clock_timestamp())
           ON CONFLICT ON CONSTRAINT ledger_transaction_idempotency DO NOTHING RETURNING id, result),
     u AS (UPDATE account SET balance_minor = account.balance_minor + d.delta, balance_version = account.balance_version + 1
           FROM (VALUES (:cash::bigint, -100::bigint)) AS d(id, delta) WHERE account.id = d.id AND EXISTS (SELECT 1 FROM t) RETURNING 1),
     p AS (INSERT INTO posting (transaction_id, account_id, currency, amount_minor)
           SELECT t.id, v.a, 'EUR', v.m FROM t, (VALUES (:cash::bigint, -100::bigint), (:clr::bigint, 100::bigint)) AS v(a, m) RETURNING 1),
     c0 AS (INSERT INTO provider_round (provider_id, player_id, round_id, game_id, currency, status, closed_by, closed_at)
           SELECT 'pgbench', md5('pgbench-player-' || :client_id::text)::uuid, 'r' || :r::text, 'bench', 'EUR', CASE WHEN false THEN 'CLOSED' ELSE 'OPEN' END,
                  CASE WHEN false THEN 'FLAG' END, CASE WHEN false THEN clock_timestamp() END FROM t
           ON CONFLICT (provider_id, player_id, round_id) DO UPDATE SET status = 'CLOSED', closed_by = 'FLAG', closed_at = clock_timestamp()
           WHERE false AND provider_round.status = 'OPEN'),
     c1 AS (INSERT INTO provider_bet (provider_id, scope, bet_ref, player_id, round_id, transaction_id, stake_minor, currency, state)
           SELECT 'pgbench', '', 'b' || :r::text, md5('pgbench-player-' || :client_id::text)::uuid, 'r' || :r::text, 'b' || :r::text, 100, 'EUR', 'OPEN' FROM t),
     c2 AS (INSERT INTO provider_transaction (provider_id, scope, transaction_id, kind, player_id, round_id, bet_ref, amount_minor, currency, request_hash, hub_tx_id, ledger_tx, balance_minor)
           SELECT 'pgbench', '', 'bet:' || 'b' || :r::text, 'BET', md5('pgbench-player-' || :client_id::text)::uuid, 'r' || :r::text, 'b' || :r::text, 100, 'EUR', sha256(('b' || :r::text)::bytea),
                  coalesce(t.id::text, gen_random_uuid()::text), t.id, :bal::bigint - 100 FROM t),
     o AS (INSERT INTO outbox (topic, message_key, event_id, event_type, event_source, payload, created_at)
           SELECT 'wallet.transactions', md5('pgbench-player-' || :client_id::text)::uuid::text, t.id::text, 'io.hub.wallet.transaction.v1', '/hub/ledger',
                  ('{"transactionId": "' || t.id || '", "reason": "PROVIDER_BET", "source": "provider:' || 'pgbench' || '", "externalId": "bet:' || 'b' || :r::text
                   || '", "playerId": "' || md5('pgbench-player-' || :client_id::text)::uuid || '", "currency": "EUR", "occurredAt": "' || clock_timestamp()
                   || '", "postings": [{"accountId": ' || :cash::text || ', "accountType": "PLAYER_CASH", "amountMinor": -100, "amount": "-1.00"}, {"accountId": '
                   || :clr::text || ', "accountType": "PROVIDER_CLEARING", "amountMinor": 100, "amount": "1.00"}], "balances": [{"accountId": ' || :cash
                   || ', "accountType": "PLAYER_CASH", "balanceMinor": ' || (:bal::bigint - 100) || ', "balanceVersion": 1}], "metadata": {"provider": "pgbench", "kind": "BET"}}')::json,
                  clock_timestamp() FROM t RETURNING 1)
SELECT (SELECT count(*) FROM t), 1, (SELECT result::text FROM t);
COMMIT;
-- its win: 0.50 EUR, settled by round (Pragmatic result.html names no bet: the lookup reads the round's bet states)
BEGIN;
SELECT id, balance_minor AS bal, balance_version FROM account WHERE id = ANY(ARRAY[:cash::bigint]) ORDER BY id FOR UPDATE \gset
SELECT t.kind, t.player_id, t.request_hash, t.hub_tx_id, t.balance_minor, b.player_id, b.round_id, b.stake_minor, b.state, b.rollback_tx_id, r.status, u.status,
       s.id, s.player_id, s.game_id, s.currency, s.mode, s.created_at, s.expires_at, s.superseded_by IS NOT NULL,
       (SELECT array_agg(state) FROM provider_bet WHERE provider_id = 'pgbench' AND player_id = md5('pgbench-player-' || :client_id::text)::uuid AND round_id = coalesce(b.round_id, 'r' || :r::text))
FROM (SELECT 1) x
LEFT JOIN provider_transaction t ON t.provider_id = 'pgbench' AND t.scope = '' AND t.transaction_id = 'win:' || 'w' || :r::text
LEFT JOIN provider_bet b ON b.provider_id = 'pgbench' AND b.scope = '' AND b.bet_ref = CAST(NULL AS text)
LEFT JOIN provider_round r ON r.provider_id = 'pgbench' AND r.player_id = md5('pgbench-player-' || :client_id::text)::uuid AND r.round_id = coalesce(b.round_id, 'r' || :r::text)
LEFT JOIN app_user u ON u.id = md5('pgbench-player-' || :client_id::text)::uuid
LEFT JOIN provider_session s ON s.token_hash = CAST(NULL AS bytea) AND s.provider_id = 'pgbench';
WITH t AS (INSERT INTO ledger_transaction (id, reason, source, scope, external_id, request_hash, result, currency, player_id, resolves_hold, metadata, created_at)
           VALUES (gen_random_uuid(), 'PROVIDER_WIN', 'provider:' || 'pgbench', '', 'win:' || 'w' || :r::text, sha256(('w' || :r::text)::bytea),
                   ('{"balanceMinor": ' || (:bal::bigint + 50) || '}')::json, 'EUR', md5('pgbench-player-' || :client_id::text)::uuid, NULL,
                   ('{"provider": "pgbench", "kind": "WIN", "transactionId": "w' || :r::text || '", "roundId": "r' || :r::text || '", "gameId": "bench"}')::json, clock_timestamp())
           ON CONFLICT ON CONSTRAINT ledger_transaction_idempotency DO NOTHING RETURNING id, result),
     u AS (UPDATE account SET balance_minor = account.balance_minor + d.delta, balance_version = account.balance_version + 1
           FROM (VALUES (:cash::bigint, 50::bigint)) AS d(id, delta) WHERE account.id = d.id AND EXISTS (SELECT 1 FROM t) RETURNING 1),
     p AS (INSERT INTO posting (transaction_id, account_id, currency, amount_minor)
           SELECT t.id, v.a, 'EUR', v.m FROM t, (VALUES (:clr::bigint, -50::bigint), (:cash::bigint, 50::bigint)) AS v(a, m) RETURNING 1),
     c0 AS (UPDATE provider_bet SET state = 'SETTLED', updated_at = clock_timestamp() WHERE EXISTS (SELECT 1 FROM t) AND provider_id = 'pgbench'
           AND (state = 'OPEN' OR (false AND state = 'ROLLED_BACK')) AND player_id = md5('pgbench-player-' || :client_id::text)::uuid AND round_id = 'r' || :r::text),
     c1 AS (UPDATE provider_round SET status = 'CLOSED', closed_by = 'FLAG', closed_at = clock_timestamp()
           WHERE false AND EXISTS (SELECT 1 FROM t) AND provider_id = 'pgbench' AND player_id = md5('pgbench-player-' || :client_id::text)::uuid AND round_id = 'r' || :r::text AND status = 'OPEN'),
     c2 AS (INSERT INTO provider_transaction (provider_id, scope, transaction_id, kind, player_id, round_id, bet_ref, amount_minor, currency, request_hash, hub_tx_id, ledger_tx, balance_minor)
           SELECT 'pgbench', '', 'win:' || 'w' || :r::text, 'WIN', md5('pgbench-player-' || :client_id::text)::uuid, 'r' || :r::text, NULL, 50, 'EUR', sha256(('w' || :r::text)::bytea),
                  coalesce(t.id::text, gen_random_uuid()::text), t.id, :bal::bigint + 50 FROM t),
     o AS (INSERT INTO outbox (topic, message_key, event_id, event_type, event_source, payload, created_at)
           SELECT 'wallet.transactions', md5('pgbench-player-' || :client_id::text)::uuid::text, t.id::text, 'io.hub.wallet.transaction.v1', '/hub/ledger',
                  ('{"transactionId": "' || t.id || '", "reason": "PROVIDER_WIN", "source": "provider:' || 'pgbench' || '", "externalId": "win:' || 'w' || :r::text
                   || '", "playerId": "' || md5('pgbench-player-' || :client_id::text)::uuid || '", "currency": "EUR", "occurredAt": "' || clock_timestamp()
                   || '", "postings": [{"accountId": ' || :clr::text || ', "accountType": "PROVIDER_CLEARING", "amountMinor": -50, "amount": "-0.50"}, {"accountId": '
                   || :cash::text || ', "accountType": "PLAYER_CASH", "amountMinor": 50, "amount": "0.50"}], "balances": [{"accountId": ' || :cash
                   || ', "accountType": "PLAYER_CASH", "balanceMinor": ' || (:bal::bigint + 50) || ', "balanceVersion": 1}], "metadata": {"provider": "pgbench", "kind": "WIN"}}')::json,
                  clock_timestamp() FROM t RETURNING 1)
SELECT (SELECT count(*) FROM t), 1, (SELECT result::text FROM t);
COMMIT;
