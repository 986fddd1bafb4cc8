-- Issue 4 leftovers, payments half (docs/payments.md):
--   3. what a chargeback or refund takes beyond the player's cash is owed on a per-player receivable account.
-- CHECK constraints are replaced as NOT VALID and validated afterwards: validation does not block writers.

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
