-- Catalogue sync state per provider (issue 3, engineer B): the rate limit of the provider's game-list API is enforced
-- across nodes by claiming last_attempt_at with one conditional UPDATE; failures are recorded here as the provider's
-- health and never delete provider_game rows.
CREATE TABLE provider_sync (
    provider_id          text        PRIMARY KEY REFERENCES provider (id),
    last_attempt_at      timestamptz,                 -- the last call to the provider's game list (claimed before the call)
    last_success_at      timestamptz,
    last_games           integer,                     -- games upserted by the last successful sync
    last_skipped         integer,                     -- entries of the last successful sync that could not be read
    last_error           text,                        -- why the last failed sync failed (no secrets: status or exception type)
    last_error_at        timestamptz,
    consecutive_failures integer     NOT NULL DEFAULT 0
);
