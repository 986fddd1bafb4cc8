-- The ledger: append-only, double-entry, integer minor units.
-- Rules (checked here by constraints and triggers, and again in code by GET /operator/ledger/check):
--   * every transaction's postings sum to zero and there are at least two of them;
--   * postings and transactions are never updated or deleted (corrections are new transactions);
--   * (source, scope, external_id) is unique: the idempotency key of every money movement;
--   * a pending hold is resolved (posted or voided) at most once, by a new transaction;
--   * player accounts never go negative; their cached balance changes only together with postings.

CREATE TABLE account (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type            text        NOT NULL CHECK (type IN ('PLAYER_CASH', 'PLAYER_HELD', 'HOUSE', 'PROVIDER_CLEARING',
                                                         'PSP_CLEARING', 'ADJUSTMENT')),
    currency        char(3)     NOT NULL,
    owner_id        uuid,                      -- the player for player accounts
    code            text UNIQUE,               -- stable name of a system account, e.g. HOUSE/EUR/3
    balance_minor   bigint,                    -- cached balance, kept only for player accounts
    balance_version bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT account_tracked_balance CHECK ((type IN ('PLAYER_CASH', 'PLAYER_HELD')) = (balance_minor IS NOT NULL)),
    CONSTRAINT account_player_non_negative CHECK (balance_minor IS NULL OR balance_minor >= 0),
    CONSTRAINT account_owner CHECK ((type IN ('PLAYER_CASH', 'PLAYER_HELD')) = (owner_id IS NOT NULL)),
    CONSTRAINT account_id_currency UNIQUE (id, currency)
);
CREATE UNIQUE INDEX account_one_per_player ON account (owner_id, type, currency) WHERE owner_id IS NOT NULL;

CREATE TABLE ledger_transaction (
    id            uuid PRIMARY KEY,
    reason        text        NOT NULL,        -- BET_RESERVED, SPIN_SETTLED, BET_HOLD_VOIDED, ADJUSTMENT, ...
    source        text        NOT NULL,        -- who asked: lobby, operator, provider:<id>, psp:<id>
    scope         text        NOT NULL,        -- '' (global ids) or the player id (per-player ids)
    external_id   text        NOT NULL,        -- the caller's id (requestId, transaction_uuid, Idempotency-Key)
    request_hash  bytea       NOT NULL,        -- SHA-256 of the canonical request
    result        json        NOT NULL,        -- the answer given, returned verbatim (byte for byte) on a replay
    currency      char(3)     NOT NULL,
    player_id     uuid,
    resolves_hold uuid REFERENCES ledger_transaction (id),
    metadata      json,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    xid           xid8        NOT NULL DEFAULT pg_current_xact_id(),  -- the database transaction that wrote it
    CONSTRAINT ledger_transaction_idempotency UNIQUE (source, scope, external_id),
    CONSTRAINT ledger_transaction_resolves_once UNIQUE (resolves_hold),
    CONSTRAINT ledger_transaction_id_currency_xid UNIQUE (id, currency, xid),
    CONSTRAINT ledger_transaction_not_self CHECK (resolves_hold IS NULL OR resolves_hold <> id)
);
CREATE INDEX ledger_transaction_player ON ledger_transaction (player_id, created_at DESC) WHERE player_id IS NOT NULL;

CREATE TABLE posting (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id uuid    NOT NULL,
    account_id     bigint  NOT NULL,
    currency       char(3) NOT NULL,
    amount_minor   bigint  NOT NULL CHECK (amount_minor <> 0),  -- signed: + credit to the account, - debit
    xid            xid8    NOT NULL DEFAULT pg_current_xact_id(),
    -- same currency as its transaction, and written in the same database transaction (no posting added later)
    CONSTRAINT posting_transaction FOREIGN KEY (transaction_id, currency, xid) REFERENCES ledger_transaction (id, currency, xid),
    CONSTRAINT posting_account FOREIGN KEY (account_id, currency) REFERENCES account (id, currency)
);
CREATE INDEX posting_transaction_idx ON posting (transaction_id);
CREATE INDEX posting_account_idx ON posting (account_id);

-- Pending holds waiting to be posted or voided: a work list, not ledger history (rows leave when resolved).
CREATE TABLE pending_hold (
    hold_id           uuid PRIMARY KEY REFERENCES ledger_transaction (id),
    player_id         uuid        NOT NULL,
    amount_minor      bigint      NOT NULL CHECK (amount_minor > 0),
    currency          char(3)     NOT NULL,
    expires_at        timestamptz NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX pending_hold_expiry ON pending_hold (expires_at);

-- A transaction's postings sum to zero and there are at least two: checked once per transaction at commit. Postings
-- can only join a transaction in the database transaction that created it (the xid foreign key above), so this
-- check sees all of them.
CREATE FUNCTION ledger_check_transaction_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total bigint;
    legs  integer;
BEGIN
    SELECT coalesce(sum(amount_minor), 0), count(*) INTO total, legs FROM posting WHERE transaction_id = NEW.id;
    IF legs = 0 THEN
        RAISE EXCEPTION 'ledger: transaction % has no postings', NEW.id USING ERRCODE = 'check_violation';
    END IF;
    IF total <> 0 OR legs < 2 THEN
        RAISE EXCEPTION 'ledger: transaction % is unbalanced (sum %, % postings)', NEW.id, total, legs
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_transaction_balanced AFTER INSERT ON ledger_transaction
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_transaction_balanced();

-- Append-only: no UPDATE, DELETE or TRUNCATE of history.
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger: % is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER ledger_transaction_append_only BEFORE UPDATE OR DELETE ON ledger_transaction
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER posting_append_only BEFORE UPDATE OR DELETE ON posting
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_transaction_no_truncate BEFORE TRUNCATE ON ledger_transaction
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER posting_no_truncate BEFORE TRUNCATE ON posting
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();

-- The transactional outbox: one row per ledger transaction (and later per payment/KYC event), deleted once Kafka
-- has acknowledged it (the ledger is the record; the outbox only holds what is still to be published).
CREATE TABLE outbox (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic        text        NOT NULL,
    message_key  text        NOT NULL,
    event_id     text        NOT NULL UNIQUE,
    event_type   text        NOT NULL,
    event_source text        NOT NULL,
    payload      json        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
