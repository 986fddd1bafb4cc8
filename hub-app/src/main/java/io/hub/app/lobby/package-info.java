/**
 * The unified lobby: the WebSocket endpoint {@code /ws/lobby} (single-use token handshake), the in-house spin
 * (reserve, draw, settle against the ledger), balance answers and live balance pushes from the wallet topic.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lobby", allowedDependencies = {"ledger", "player", "auth", "games", "fairness"})
package io.hub.app.lobby;
