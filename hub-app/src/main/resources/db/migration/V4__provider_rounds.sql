-- Seamless-wallet state of external providers (issue 3 points 3-4): every money callback a provider sent, its bets
-- with their stake and state (the stake a rollback credits back; tombstones for rollbacks of bets never seen) and
-- its rounds. Money itself is only in the ledger (ledger_transaction/posting); these rows say what the provider's ids
-- mean. Keys follow the provider's policy: scope '' = transaction ids unique per provider, else the player id.

-- One row per money callback (bet, win, rollback, bet-less credit), including zero amounts that move no money:
-- the replay / conflict record (providers.md §1 row 9, §3 scenarios 1, 2, 18): kept as long as the ledger.
CREATE TABLE provider_transaction (
    provider_id    text        NOT NULL REFERENCES provider (id),
    scope          text        NOT NULL,                     -- '' (global ids) or the player id (per-player ids)
    transaction_id text        NOT NULL,                     -- the provider's id (Hub88 transaction_uuid, PP reference, ...)
    kind           text        NOT NULL CHECK (kind IN ('BET', 'WIN', 'ROLLBACK', 'PROMO')),
    player_id      uuid        NOT NULL REFERENCES app_user (id),
    round_id       text,
    bet_ref        text,
    amount_minor   bigint      NOT NULL CHECK (amount_minor >= 0),   -- what moved (a rollback: the stored stake)
    currency       char(3)     NOT NULL,
    request_hash   bytea       NOT NULL,                     -- SHA-256 of the canonical request: replay vs conflict
    hub_tx_id      text        NOT NULL,                     -- the hub's id answered to the provider (PP transactionId)
    ledger_tx      uuid        REFERENCES ledger_transaction (id),   -- null when nothing moved (zero amount)
    balance_minor  bigint      NOT NULL,                     -- the balance answered the first time (original response)
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (provider_id, scope, transaction_id)
);

-- One row per bet reference: the stake a rollback returns, and its state. A TOMBSTONE is a rollback of a bet that
-- was never seen (§3 scenario 4): a late bet with that reference is refused (§3 scenario 5).
CREATE TABLE provider_bet (
    provider_id     text        NOT NULL REFERENCES provider (id),
    scope           text        NOT NULL,
    bet_ref         text        NOT NULL,
    player_id       uuid        NOT NULL REFERENCES app_user (id),
    round_id        text,
    transaction_id  text,                                    -- the debit's own id (null for a tombstone)
    stake_minor     bigint      NOT NULL CHECK (stake_minor >= 0),  -- what was debited (0 for free bets, tombstones)
    currency        char(3)     NOT NULL,
    state           text        NOT NULL CHECK (state IN ('OPEN', 'SETTLED', 'ROLLED_BACK', 'TOMBSTONE')),
    rollback_tx_id  text,                                    -- the provider's rollback id that undid it
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (provider_id, scope, bet_ref)
);

-- A provider round opens with its first bet and closes by flag (Hub88 round_closed, Evolution game-wise credit), by a
-- round-end call (PP endRound) or by the stale-round sweeper (§3 scenario 23).
CREATE TABLE provider_round (
    provider_id text        NOT NULL REFERENCES provider (id),
    player_id   uuid        NOT NULL REFERENCES app_user (id),
    round_id    text        NOT NULL,
    game_id     text,
    currency    char(3)     NOT NULL,
    status      text        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    closed_by   text        CHECK (closed_by IN ('FLAG', 'ROUND_END', 'SWEEPER')),
    opened_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    closed_at   timestamptz,
    PRIMARY KEY (provider_id, player_id, round_id),
    CONSTRAINT provider_round_closed CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);
CREATE INDEX provider_round_open ON provider_round (opened_at) WHERE status = 'OPEN';
