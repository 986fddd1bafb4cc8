-- Seed for bench/sql/provider-callback-pair.sql, run by psql on a database built from the hub's own Flyway migrations
-- (hub-app/src/main/resources/db/migration, applied in version order by bench/run-provider-bench.sh): the provider
-- "pgbench" with the bench's Pragmatic policy, :players players (app_user ids from md5, ACTIVE, EUR) with their
-- PLAYER_CASH (id 100000 + n, 1,000,000.00 EUR) and PLAYER_HELD (200000 + n) accounts, and the 16 PROVIDER_CLEARING
-- shards (300000 + shard) the hub picks by cash account id modulo 16 (hub.ledger.system-account-shards). The opening
-- balances are set directly (no postings): this database is a scratch copy for pgbench, never checked by the hub.
INSERT INTO provider (id, protocol, display_name, enabled, currencies, policy, credentials, settings)
VALUES ('pgbench', 'PRAGMATIC', 'pgbench', true, ARRAY['EUR'],
        '{"unknownRollback":"ACK_WITH_BALANCE","replay":"CURRENT_BALANCE","txIdScope":"GLOBAL","tokenOnWin":"SKIP","tokenOnRollback":"SKIP","partialRollbacks":false,"cancelAfterSettle":"REJECT","creditAfterCancel":false}',
        '{"secret": "x"}', '{}');
INSERT INTO app_user (id, username, password_hash, subject, role, currency, status)
SELECT md5('pgbench-player-' || n)::uuid, 'pgbench-' || n, 'x', 'pgbench-' || n, 'PLAYER', 'EUR', 'ACTIVE'
FROM generate_series(0, :players - 1) AS n;
INSERT INTO account (id, type, currency, owner_id, code, balance_minor) OVERRIDING SYSTEM VALUE
SELECT 100000 + n, 'PLAYER_CASH', 'EUR', md5('pgbench-player-' || n)::uuid, NULL, 100000000 FROM generate_series(0, :players - 1) AS n
UNION ALL
SELECT 200000 + n, 'PLAYER_HELD', 'EUR', md5('pgbench-player-' || n)::uuid, NULL, 0 FROM generate_series(0, :players - 1) AS n
UNION ALL
SELECT 300000 + s, 'PROVIDER_CLEARING', 'EUR', NULL, 'PROVIDER_CLEARING/EUR/' || s, NULL FROM generate_series(0, 15) AS s;
ANALYZE;
