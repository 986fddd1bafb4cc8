-- Issue 4 leftovers, payments half (docs/payments.md):
--   1. an inbox event whose processing keeps failing is PARKED for an operator instead of retried for ever;
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
