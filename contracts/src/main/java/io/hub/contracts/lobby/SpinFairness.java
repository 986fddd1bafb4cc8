package io.hub.contracts.lobby;

/**
 * The provably fair inputs of one round (docs/fairness.md), shown on the {@code spinResult} frame as
 * {@code "fairness":{"serverSeedHash","clientSeed","nonce"}}.
 *
 * @param serverSeedHash lowercase hex SHA-256 of the server seed bytes (the commitment shown before play)
 * @param clientSeed     the player's client seed used by this round
 * @param nonce          this round's nonce under that server seed (0 for the first paid spin)
 */
public record SpinFairness(String serverSeedHash, String clientSeed, long nonce) {
}
