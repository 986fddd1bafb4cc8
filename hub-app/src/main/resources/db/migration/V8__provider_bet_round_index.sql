-- Round-addressed callbacks (a Pragmatic result/refund names the round, not the bet) find the round's bets through
-- this index instead of reading every bet of the provider: without it the cost of a win grew with the table
-- (bench/reports/provider-callbacks.md, PostgreSQL CPU per callback rising during a run).
CREATE INDEX provider_bet_round ON provider_bet (provider_id, player_id, round_id);
