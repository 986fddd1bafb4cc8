package io.hub.app.ledger;

/**
 * One posting of a command: a signed amount in minor units on one account (+ credits the account, - debits it).
 */
public record Leg(AccountRef account, long amountMinor) {
    public Leg {
        if (amountMinor == 0) throw new IllegalArgumentException("a posting moves a non-zero amount");
    }

    /** The two legs of moving {@code amountMinor} (positive) from one account to another. */
    public static Leg[] transfer(AccountRef from, AccountRef to, long amountMinor) {
        if (amountMinor <= 0) throw new IllegalArgumentException("transfer amount must be positive: " + amountMinor);
        return new Leg[] {new Leg(from, -amountMinor), new Leg(to, amountMinor)};
    }
}
