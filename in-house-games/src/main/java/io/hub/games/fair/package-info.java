/**
 * Provably fair play (commit-reveal) and signed spin results, as pure functions (no I/O, no Spring).
 *
 * <ul>
 *   <li>{@link io.hub.games.fair.FairSeeds}: the server seed (32 bytes, lowercase hex), its commitment
 *       (SHA-256, lowercase hex) and the client seed rules.</li>
 *   <li>{@link io.hub.games.fair.FairStops}: reel stops from HMAC-SHA256(server seed,
 *       {@code "<clientSeed>:<nonce>:<spin>:<reel>:<counter>"}) with unbiased rejection mapping.</li>
 *   <li>{@link io.hub.games.fair.FairRandomSource}: a {@code RandomSource} yielding exactly those stops, so the
 *       slot engine plays with it unchanged.</li>
 *   <li>{@link io.hub.games.fair.FairVerifier}: recomputes a round from the revealed seed and compares it with
 *       what was paid.</li>
 *   <li>{@link io.hub.games.fair.CanonicalJson} (RFC 8785) and {@link io.hub.games.fair.SpinSignature}
 *       (Ed25519, RFC 8032) for the signed {@code spinResult} frame.</li>
 * </ul>
 * The exact steps, for a browser with Web Crypto, are in {@code docs/fairness.md}.
 */
package io.hub.games.fair;
