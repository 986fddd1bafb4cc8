package io.hub.contracts.game;

import java.math.BigDecimal;

/**
 * What a game says about itself, from its definition file.
 *
 * @param gameId     stable id used on the lobby and in the ledger, kebab-case (e.g. {@code "red-white-blue"})
 * @param name       display name
 * @param type       game type, e.g. {@code "slot"}
 * @param rtp        return to player as a fraction (0.8658 = 86.58%), from exact enumeration; a ratio, not money
 * @param volatility {@code "low"}, {@code "medium"} or {@code "high"}
 * @param reels      number of reels (columns) in the result window
 * @param rows       number of rows in the result window
 */
public record GameDescriptor(String gameId, String name, String type, BigDecimal rtp, String volatility, int reels, int rows) {
}
