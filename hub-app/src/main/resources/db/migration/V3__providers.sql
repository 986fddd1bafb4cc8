-- External game providers onboarded by operators (issue 3), their game catalogues and the provider session tokens
-- the hub issues at game launch. Secrets live in provider.credentials only and are never returned by the API.

CREATE TABLE provider (
    id                 text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),   -- the {providerId} in /wallet/{providerId}/...
    protocol           text        NOT NULL CHECK (protocol IN ('HUB88', 'PRAGMATIC', 'EVOLUTION')),
    display_name       text        NOT NULL,
    enabled            boolean     NOT NULL DEFAULT true,
    launch_base_url    text,
    catalogue_base_url text,
    currencies         text[]      NOT NULL,                 -- ISO 4217 codes the provider may play in
    policy             jsonb       NOT NULL,                 -- io.hub.providers.ProviderPolicy (providers.md §5.3)
    credentials        jsonb       NOT NULL,                 -- write-only: publicKeyPem / secret / apiToken
    settings           jsonb       NOT NULL DEFAULT '{}',    -- non-secret knobs: sync period, timeouts, rate limit
    version            bigint      NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at         timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- One row per provider game, upserted by catalogue sync; the lobby serves these with the in-house games.
CREATE TABLE provider_game (
    provider_id   text        NOT NULL REFERENCES provider (id),
    game_id       text        NOT NULL,                      -- the provider's game code
    name          text        NOT NULL,
    category      text        NOT NULL,                      -- slot, live, table, ...
    rtp           numeric(7, 6),                             -- fraction: 0.965 = 96.5%
    volatility    text,
    demo          boolean     NOT NULL DEFAULT false,        -- demo (fun) mode supported
    limits        jsonb       NOT NULL DEFAULT '{}',         -- {"EUR":{"minBet":"0.10","maxBet":"100.00"}}
    metadata      jsonb       NOT NULL DEFAULT '{}',
    enabled       boolean     NOT NULL DEFAULT true,         -- an operator may disable one game
    synced_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (provider_id, game_id)
);

-- Session tokens the hub issues at launch, bound to player, provider, game and currency. Only a SHA-256 of the token
-- is stored. A rotation (Evolution sid on check) replaces the row's successor pointer; the old token stays
-- resolvable as "superseded" so a policy can accept it (IGNORE_EXPIRY) or refuse it (ENFORCE).
CREATE TABLE provider_session (
    id            uuid        PRIMARY KEY,
    token_hash    bytea       NOT NULL UNIQUE,
    provider_id   text        NOT NULL REFERENCES provider (id),
    player_id     uuid        NOT NULL REFERENCES app_user (id),
    game_id       text        NOT NULL,
    currency      char(3)     NOT NULL,
    mode          text        NOT NULL CHECK (mode IN ('REAL', 'DEMO')),
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    expires_at    timestamptz NOT NULL,
    superseded_by uuid        REFERENCES provider_session (id)
);
CREATE INDEX provider_session_player ON provider_session (player_id, provider_id);
