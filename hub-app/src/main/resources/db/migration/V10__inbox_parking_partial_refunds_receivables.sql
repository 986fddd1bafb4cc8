-- Issue 4 leftovers, payments half (docs/payments.md):
--   1. an inbox event whose processing keeps failing is PARKED for an operator instead of retried for ever;
--   2. refunds accumulate per deposit (PARTIALLY_REFUNDED until the whole amount is refunded);
--   3. what a chargeback or refund takes beyond the player's cash is owed on a per-player receivable account.
-- CHECK constraints are replaced as NOT VALID and validated afterwards: validation does not block writers.

-- 1. Inbox: PARKED, with the failure count that led there and the last error (class and message, no body, no secret).
ALTER TABLE webhook_inbox DROP CONSTRAINT webhook_inbox_state_check;
ALTER TABLE webhook_inbox ADD CONSTRAINT webhook_inbox_state_check
    CHECK (state IN ('RECEIVED', 'PROCESSED', 'UNMATCHED', 'DEFERRED', 'IGNORED', 'PARKED')) NOT VALID;
ALTER TABLE webhook_inbox VALIDATE CONSTRAINT webhook_inbox_state_check;
ALTER TABLE webhook_inbox
    ADD COLUMN failures   integer NOT NULL DEFAULT 0,   -- failed processing attempts since the last success or operator retry
    ADD COLUMN last_error text,                         -- e.g. "PermanentInboxFailure: REFUND_EXCEEDS_DEPOSIT: …"
    ADD COLUMN parked_at  timestamptz;
CREATE INDEX webhook_inbox_parked ON webhook_inbox (received_at) WHERE state = 'PARKED';

-- 2. Partial refunds: the refunded total per deposit, and every refund seen (payments.md §5.2 REFUNDED / PARTIALLY_REFUNDED).
ALTER TABLE deposit DROP CONSTRAINT deposit_status_check;
ALTER TABLE deposit ADD CONSTRAINT deposit_status_check
    CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DISPUTED', 'CHARGED_BACK', 'REVERSED')) NOT VALID;
ALTER TABLE deposit VALIDATE CONSTRAINT deposit_status_check;
ALTER TABLE deposit ADD COLUMN refunded_minor bigint NOT NULL DEFAULT 0;  -- refunded so far, posted to the ledger
ALTER TABLE deposit ADD CONSTRAINT deposit_refunded_within_amount CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor);
-- A deposit refunded before this migration was refunded in full (a refund used to set REFUNDED).
UPDATE deposit SET refunded_minor = amount_minor WHERE status = 'REFUNDED';

-- One row per refund a gateway reported: INCREMENTAL rows (one refund's own amount, keyed by the gateway's refund id)
-- add up, a CUMULATIVE row (the payment's refunded total so far, keyed by the event id) is a lower bound of the total;
-- the deposit's refunded total is the larger of the two (DepositService.refund).
CREATE TABLE deposit_refund (
    deposit_id   uuid        NOT NULL REFERENCES deposit (id),
    refund_key   text        NOT NULL,                 -- 'refund:<gateway refund id>' or 'event:<inbox event id>'
    basis        text        NOT NULL CHECK (basis IN ('INCREMENTAL', 'CUMULATIVE')),
    amount_minor bigint      NOT NULL CHECK (amount_minor >= 0),
    event_id     text        NOT NULL,                 -- the inbox event that reported it
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (deposit_id, refund_key)
);

-- 3. The player's receivable: a tracked, per-player account whose balance is zero or negative (the player owes -balance).
ALTER TABLE account DROP CONSTRAINT account_type_check;
ALTER TABLE account ADD CONSTRAINT account_type_check CHECK (type IN ('PLAYER_CASH', 'PLAYER_HELD', 'HOUSE', 'PROVIDER_CLEARING',
    'PSP_CLEARING', 'ADJUSTMENT', 'PLAYER_RECEIVABLE')) NOT VALID;
ALTER TABLE account VALIDATE CONSTRAINT account_type_check;
ALTER TABLE account DROP CONSTRAINT account_tracked_balance;
ALTER TABLE account ADD CONSTRAINT account_tracked_balance
    CHECK ((type IN ('PLAYER_CASH', 'PLAYER_HELD', 'PLAYER_RECEIVABLE')) = (balance_minor IS NOT NULL)) NOT VALID;
ALTER TABLE account VALIDATE CONSTRAINT account_tracked_balance;
ALTER TABLE account DROP CONSTRAINT account_owner;
ALTER TABLE account ADD CONSTRAINT account_owner
    CHECK ((type IN ('PLAYER_CASH', 'PLAYER_HELD', 'PLAYER_RECEIVABLE')) = (owner_id IS NOT NULL)) NOT VALID;
ALTER TABLE account VALIDATE CONSTRAINT account_owner;
ALTER TABLE account DROP CONSTRAINT account_player_non_negative;
ALTER TABLE account ADD CONSTRAINT account_player_non_negative
    CHECK (balance_minor IS NULL OR type = 'PLAYER_RECEIVABLE' OR balance_minor >= 0) NOT VALID;
ALTER TABLE account VALIDATE CONSTRAINT account_player_non_negative;
ALTER TABLE account ADD CONSTRAINT account_receivable_non_positive
    CHECK (type <> 'PLAYER_RECEIVABLE' OR balance_minor <= 0);
