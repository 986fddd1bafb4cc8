/** The operator API ({@code /operator/**}, operator role): players, manual adjustments, transactions, the ledger check. */
@org.springframework.modulith.ApplicationModule(displayName = "Operator", allowedDependencies = {"ledger", "player", "auth", "web"})
package io.hub.app.operator;
