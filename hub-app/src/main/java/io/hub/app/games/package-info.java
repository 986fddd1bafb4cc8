/** The game catalogue: in-house games loaded as data from the in-house-games module, with bet limits per currency. */
@org.springframework.modulith.ApplicationModule(displayName = "Games", allowedDependencies = {"auth", "player", "web"})
package io.hub.app.games;
