/**
 * Provably fair play and signed spins (docs/fairness.md, docs/adr/0006): per-player server seeds drawn from the
 * hub's DRBG and kept sealed (AES-256-GCM) until the player rotates them, client seeds and nonces; the reel stops
 * of every in-house spin from HMAC-SHA256 of those ({@code io.hub.games.fair}); the Ed25519 key that signs every
 * {@code spinResult} frame; the player's fairness endpoints ({@code /fairness/**}) and the operator's audit replay
 * of a stored round ({@code /operator/rounds/{roundId}/replay}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fairness", allowedDependencies = {"games", "auth", "player", "web"})
package io.hub.app.fairness;
