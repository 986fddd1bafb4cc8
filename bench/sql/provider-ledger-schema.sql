-- Scratch copy of the hub's ledger write tables (hub-app V1__ledger.sql: same columns, keys, foreign keys, indexes and
-- the deferred "postings sum to zero" trigger) for pgbench, in its own database of the same PostgreSQL server.
CREATE TABLE account (
    id bigint PRIMARY KEY, type text NOT NULL, currency char(3) NOT NULL, balance_minor bigint,
    balance_version bigint NOT NULL DEFAULT 0,
    CONSTRAINT account_player_non_negative CHECK (balance_minor IS NULL OR balance_minor >= 0),
    CONSTRAINT account_id_currency UNIQUE (id, currency));
CREATE TABLE ledger_transaction (
    id uuid PRIMARY KEY, reason text NOT NULL, source text NOT NULL, scope text NOT NULL, external_id text NOT NULL,
    request_hash bytea NOT NULL, result json NOT NULL, currency char(3) NOT NULL, player_id uuid, resolves_hold uuid,
    metadata json, created_at timestamptz NOT NULL DEFAULT clock_timestamp(), xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT ledger_transaction_idempotency UNIQUE (source, scope, external_id),
    CONSTRAINT ledger_transaction_id_currency_xid UNIQUE (id, currency, xid));
CREATE INDEX ledger_transaction_player ON ledger_transaction (player_id, created_at DESC) WHERE player_id IS NOT NULL;
CREATE TABLE posting (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, transaction_id uuid NOT NULL, account_id bigint NOT NULL,
    currency char(3) NOT NULL, amount_minor bigint NOT NULL CHECK (amount_minor <> 0), xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT posting_transaction FOREIGN KEY (transaction_id, currency, xid) REFERENCES ledger_transaction (id, currency, xid),
    CONSTRAINT posting_account FOREIGN KEY (account_id, currency) REFERENCES account (id, currency));
CREATE INDEX posting_transaction_idx ON posting (transaction_id);
CREATE INDEX posting_account_idx ON posting (account_id);
CREATE TABLE outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, topic text NOT NULL, message_key text NOT NULL,
    event_id text NOT NULL UNIQUE, event_type text NOT NULL, event_source text NOT NULL, payload json NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp());
CREATE FUNCTION ledger_check_transaction_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE total bigint; legs integer;
BEGIN
    SELECT coalesce(sum(amount_minor), 0), count(*) INTO total, legs FROM posting WHERE transaction_id = NEW.id;
    IF legs < 2 OR total <> 0 THEN RAISE EXCEPTION 'unbalanced %', NEW.id; END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_transaction_balanced AFTER INSERT ON ledger_transaction
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_transaction_balanced();
-- 1,000 player cash accounts (tracked balance) and 64 provider-clearing shards (no balance row update)
INSERT INTO account SELECT g, 'PLAYER_CASH', 'EUR', 100000000000, 0 FROM generate_series(1, 1000) g;
INSERT INTO account SELECT 1000 + g, 'PROVIDER_CLEARING', 'EUR', NULL, 0 FROM generate_series(1, 64) g;
