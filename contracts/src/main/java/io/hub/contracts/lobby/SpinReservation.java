package io.hub.contracts.lobby;

/**
 * The bet reserved as a pending hold (ledger transaction {@code BET_RESERVED}); the outcome is not drawn yet.
 *
 * @param holdTransactionId the pending hold's ledger transaction id, later posted or voided by a new transaction
 * @param roundId           the round this spin plays
 */
public record SpinReservation(SpinCommand command, java.util.UUID holdTransactionId, java.util.UUID roundId) {
}
