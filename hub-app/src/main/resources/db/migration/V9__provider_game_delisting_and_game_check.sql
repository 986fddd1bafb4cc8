-- Issue 3 leftovers (catalogue delisting, game checks on bets).
--
-- A game a catalogue sync no longer returns is delisted, never deleted: delisted_at says since when. A delisted game
-- is not in GET /games/list, cannot be launched and takes no new bets (policy gameCheck); wins, rollbacks and round
-- ends of its open rounds still pay. A later sync that lists it again clears delisted_at (relisted); the operator's
-- enabled flag is independent of both.
ALTER TABLE provider_game ADD COLUMN delisted_at timestamptz;

-- What the last successful sync delisted and relisted (the counts next to last_games / last_skipped).
ALTER TABLE provider_sync ADD COLUMN last_delisted integer;
ALTER TABLE provider_sync ADD COLUMN last_relisted integer;

-- Providers onboarded before the policy field gameCheck existed keep working as they did for codes their catalogue
-- never held (io.hub.providers.ProviderPolicy reads an absent field the same way); written out so the operator API
-- shows it. New providers get STRICT from the protocol defaults.
UPDATE provider SET policy = policy || '{"gameCheck": "LISTED_OR_UNKNOWN_ALLOWED"}'::jsonb WHERE policy -> 'gameCheck' IS NULL;
