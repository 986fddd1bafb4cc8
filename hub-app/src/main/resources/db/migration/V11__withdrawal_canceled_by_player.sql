-- payments.md §5.2 CANCELED: a player may take back a withdrawal that waits ON_HOLD for an operator (never submitted to
-- a gateway); the hold goes back to the player's cash.
ALTER TABLE withdrawal DROP CONSTRAINT withdrawal_status_check;
ALTER TABLE withdrawal ADD CONSTRAINT withdrawal_status_check
    CHECK (status IN ('REQUESTED', 'ON_HOLD', 'SUBMITTED', 'PAID', 'FAILED', 'RETURNED', 'REJECTED', 'CANCELED'));
