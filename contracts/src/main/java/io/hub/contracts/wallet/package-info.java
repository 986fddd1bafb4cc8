/**
 * Canonical seamless-wallet commands and results: what every provider adapter translates its protocol into
 * (commands) and back out of (results). Pure records, no I/O.
 *
 * <p>Field sources per protocol are listed on each record and in {@code ../shared/reference/providers.md} §4
 * (Hub88 shape A, Pragmatic shape B, Evolution shape C). Where the protocols disagree (unknown rollbacks,
 * replays, token checks…) the command does not decide: the provider's policy does (providers.md §5.3).
 */
package io.hub.contracts.wallet;
