package fr.dataterritoires.commonscalls.domain.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/** One line of a journal transaction: an amount (positive, two decimals) debited or credited to an account. */
public record Entry(String account, Side side, BigDecimal amount) {

    public Entry {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        if (amount == null || amount.signum() <= 0 || amount.scale() != 2) {
            throw new IllegalArgumentException("an entry's amount is positive with two decimals: " + amount);
        }
        Accounts.kind(account);
    }

    /** The change of the account's balance (on its normal side). */
    public BigDecimal effect() {
        return side == Accounts.normalSide(account) ? amount : amount.negate();
    }

    public Entry reversed() {
        return new Entry(account, side.opposite(), amount);
    }
}
