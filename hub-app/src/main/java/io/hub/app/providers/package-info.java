/**
 * External game providers (issue 3): the registry of onboarded providers (protocol, credentials, policy table),
 * the session tokens issued at launch, and — built on these — the seamless-wallet callbacks, game launch,
 * catalogue sync and the operator onboarding API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Providers",
        allowedDependencies = {"ledger", "player", "auth", "web", "events", "games"})
package io.hub.app.providers;
