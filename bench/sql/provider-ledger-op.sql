-- One provider ledger operation as the hub's Ledger.apply writes it: one statement (data-modifying CTEs) inserting the
-- transaction row guarded by its idempotency key, updating the player's cached balance, inserting the two postings and
-- the outbox row (no colon directly before a letter in the SQL text: pgbench -M prepared would take it for a variable). Run by pgbench as a single-statement transaction (autocommit), -M prepared.
\set player random(1, 1000)
\set house 1001 + :player % 64
\set amt random(1, 100)
WITH t AS (INSERT INTO ledger_transaction (id, reason, source, scope, external_id, request_hash, result, currency, metadata)
           VALUES (gen_random_uuid(), 'PROVIDER_BET', 'provider:' || 'pgbench', '', 'bet:' || gen_random_uuid(), '\x01',
                   '{"balanceMinor": 1}', 'EUR', '{"provider": "pgbench", "kind": "BET"}')
           ON CONFLICT ON CONSTRAINT ledger_transaction_idempotency DO NOTHING RETURNING id),
     u AS (UPDATE account SET balance_minor = balance_minor - :amt::bigint, balance_version = balance_version + 1
           WHERE id = :player::bigint AND EXISTS (SELECT 1 FROM t) RETURNING 1),
     p AS (INSERT INTO posting (transaction_id, account_id, currency, amount_minor)
           SELECT t.id, v.a, 'EUR', v.m FROM t, (VALUES (:player::bigint, (0 - :amt::bigint)), (:house::bigint, :amt::bigint)) AS v(a, m) RETURNING 1),
     o AS (INSERT INTO outbox (topic, message_key, event_id, event_type, event_source, payload)
           SELECT 'wallet.transactions', :player::text, t.id::text, 'io.hub.wallet.transaction.v1', '/hub/ledger', '{"bench": 1}' FROM t RETURNING 1)
SELECT (SELECT count(*) FROM t), (SELECT count(*) FROM u), (SELECT count(*) FROM p), (SELECT count(*) FROM o);
