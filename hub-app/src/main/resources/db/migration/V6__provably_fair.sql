-- Provably fair seeds (docs/fairness.md, docs/adr/0006) and the seed inputs of each game round.

CREATE TABLE fair_seed (
    id                 uuid PRIMARY KEY,
    player_id          uuid        NOT NULL REFERENCES app_user (id),
    server_seed_hash   char(64)    NOT NULL UNIQUE,   -- lowercase hex SHA-256 of the seed bytes: the commitment
    server_seed_sealed bytea       NOT NULL,          -- AES-256-GCM (iv || ciphertext || tag) under hub.fairness.seed-key-file
    server_seed        char(64),                      -- lowercase hex, set only when revealed by a rotation
    client_seed        text        NOT NULL CHECK (client_seed ~ '^[ -~]{1,64}$'),
    next_nonce         bigint      NOT NULL DEFAULT 0 CHECK (next_nonce >= 0),
    created_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    revealed_at        timestamptz,
    CONSTRAINT fair_seed_revealed_together CHECK ((server_seed IS NULL) = (revealed_at IS NULL))
);
-- at most one active (unrevealed) seed per player
CREATE UNIQUE INDEX fair_seed_active ON fair_seed (player_id) WHERE revealed_at IS NULL;

-- a revealed seed stays revealed and never changes; a commitment never changes
CREATE FUNCTION fair_seed_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.server_seed_hash <> NEW.server_seed_hash OR OLD.server_seed_sealed <> NEW.server_seed_sealed
       OR OLD.player_id <> NEW.player_id THEN
        RAISE EXCEPTION 'fair_seed %: the commitment and the sealed seed never change', OLD.id;
    END IF;
    IF OLD.revealed_at IS NOT NULL THEN
        RAISE EXCEPTION 'fair_seed %: a revealed seed is final', OLD.id;
    END IF;
    IF NEW.next_nonce < OLD.next_nonce THEN
        RAISE EXCEPTION 'fair_seed %: the nonce never goes back', OLD.id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER fair_seed_guard BEFORE UPDATE ON fair_seed FOR EACH ROW EXECUTE FUNCTION fair_seed_guard();

ALTER TABLE game_round
    ADD COLUMN server_seed_hash char(64) REFERENCES fair_seed (server_seed_hash),
    ADD COLUMN client_seed      text,
    ADD COLUMN nonce            bigint,
    ADD CONSTRAINT game_round_fair_inputs CHECK ((server_seed_hash IS NULL) = (nonce IS NULL) AND (nonce IS NULL) = (client_seed IS NULL));
-- a nonce is used by one round only
CREATE UNIQUE INDEX game_round_fair_nonce ON game_round (server_seed_hash, nonce) WHERE server_seed_hash IS NOT NULL;
