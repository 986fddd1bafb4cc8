package io.hub.contracts.wallet;

import io.hub.contracts.RejectionCode;
import io.hub.contracts.money.Money;
import java.util.Objects;

/**
 * The command was refused and changed nothing.
 *
 * @param reason  why, in wallet terms; each adapter maps it to its protocol's status
 * @param balance the current balance when known (required by Hub88 and Evolution on insufficient funds,
 *                providers.md §3 scenario 15), else null
 * @param detail  a human-readable message, never containing secrets
 */
public record Rejected(WalletRejection reason, Money balance, String detail) implements WalletResult {
    public Rejected {
        Objects.requireNonNull(reason, "reason");
        if (detail == null) detail = reason.name();
    }

    public static Rejected of(WalletRejection reason) {
        return new Rejected(reason, null, null);
    }

    /** A general domain rejection ({@link RejectionCode}) as a wallet rejection. */
    public static Rejected of(RejectionCode code, Money balance) {
        return new Rejected(WalletRejection.of(code), balance, code.defaultMessage());
    }
}
