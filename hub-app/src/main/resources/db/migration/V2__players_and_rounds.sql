-- Users (players and operators), single-use WebSocket tokens, and in-house game rounds.

CREATE TABLE app_user (
    id            uuid PRIMARY KEY,
    username      text        NOT NULL UNIQUE,
    password_hash text        NOT NULL,          -- BCrypt
    subject       text        NOT NULL UNIQUE,   -- JWT "sub" (an external IdP's subject when one is used)
    role          text        NOT NULL CHECK (role IN ('PLAYER', 'OPERATOR')),
    currency      char(3),                       -- wallet currency, players only
    status        text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'BLOCKED')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_user_player_currency CHECK ((role = 'PLAYER') = (currency IS NOT NULL))
);

CREATE TABLE ws_token (
    token_hash bytea PRIMARY KEY,                -- SHA-256 of the token; the token itself is never stored
    user_id    uuid        NOT NULL REFERENCES app_user (id),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX ws_token_expiry ON ws_token (expires_at);

CREATE TABLE game_round (
    id               uuid PRIMARY KEY,
    player_id        uuid        NOT NULL REFERENCES app_user (id),
    game_id          text        NOT NULL,
    request_id       text        NOT NULL,
    currency         char(3)     NOT NULL,
    bet_minor        bigint      NOT NULL CHECK (bet_minor > 0),
    payout_minor     bigint      NOT NULL CHECK (payout_minor >= 0),
    outcome          json        NOT NULL,       -- reel stops, window and wins, for audit and replay
    hold_tx          uuid        NOT NULL REFERENCES ledger_transaction (id),
    settle_tx        uuid        NOT NULL REFERENCES ledger_transaction (id),
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT game_round_request UNIQUE (player_id, request_id)
);

-- Operator actions (who, what, when).
CREATE TABLE audit_log (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor      text        NOT NULL,
    action     text        NOT NULL,
    target     text,
    detail     jsonb,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
