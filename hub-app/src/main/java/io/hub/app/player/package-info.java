/** Players and operators: credentials, roles, wallet currency and status; opens a player's wallet accounts. */
@org.springframework.modulith.ApplicationModule(displayName = "Players", allowedDependencies = {"ledger"})
package io.hub.app.player;
