package fr.dataterritoires.commonscalls.domain.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A balanced set of entries, written once and never changed: debits equal credits. A levy debits the programme and
 * credits the fund; an allocation debits the fund and credits the beneficiary; a reversal writes the opposite entries
 * of the transaction it corrects.
 */
public record JournalTransaction(UUID id, Kind kind, UUID reverses, List<Entry> entries) {

    public enum Kind {
        LEVY, ALLOCATION, REVERSAL
    }

    public JournalTransaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.REVERSAL) != (reverses != null)) {
            throw new IllegalArgumentException("a reversal, and only a reversal, names the transaction it reverses");
        }
        entries = List.copyOf(entries);
        if (entries.size() < 2) {
            throw new IllegalArgumentException("a transaction has at least two entries");
        }
        if (debits(entries).compareTo(credits(entries)) != 0) {
            throw new IllegalArgumentException("unbalanced transaction: debits " + debits(entries) + " <> credits "
                    + credits(entries));
        }
    }

    public static JournalTransaction levy(UUID id, UUID programmeId, BigDecimal amount) {
        return new JournalTransaction(id, Kind.LEVY, null, List.of(
                new Entry(Accounts.programme(programmeId), Side.DEBIT, amount),
                new Entry(Accounts.FUND, Side.CREDIT, amount)));
    }

    public static JournalTransaction allocation(UUID id, String beneficiaryAccount, BigDecimal amount) {
        return new JournalTransaction(id, Kind.ALLOCATION, null, List.of(
                new Entry(Accounts.FUND, Side.DEBIT, amount),
                new Entry(beneficiaryAccount, Side.CREDIT, amount)));
    }

    public JournalTransaction reversal(UUID id) {
        if (kind == Kind.REVERSAL) {
            throw new IllegalArgumentException("a reversal is not reversed");
        }
        return new JournalTransaction(id, Kind.REVERSAL, this.id, entries.stream().map(Entry::reversed).toList());
    }

    /** The amount moved: the sum of the debits. */
    public BigDecimal amount() {
        return debits(entries);
    }

    private static BigDecimal debits(List<Entry> entries) {
        return entries.stream().filter(e -> e.side() == Side.DEBIT).map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal credits(List<Entry> entries) {
        return entries.stream().filter(e -> e.side() == Side.CREDIT).map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
