package fr.dataterritoires.commonscalls.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.territory.Siren;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The ledger's acceptance properties, for any sequence of levies, allocations and reversals: debits equal credits, no
 * balance goes below zero, the fund's balance equals the levies minus the allocations (net of reversals), and an
 * allocation is refused exactly when it exceeds the fund's balance.
 */
class LedgerPropertiesTest {

    private static final List<UUID> PROGRAMMES = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    private static final List<String> BENEFICIARIES = List.of(Accounts.beneficiary(Siren.withCheckDigit("21380000")),
            Accounts.beneficiary(Siren.withCheckDigit("20004001")), Accounts.beneficiary(Siren.withCheckDigit("13000548")));

    sealed interface Operation permits Levy, Allocate, Reverse {
    }

    record Levy(int programme, BigDecimal amount) implements Operation {
    }

    record Allocate(int beneficiary, BigDecimal amount) implements Operation {
    }

    /** Reverses the n-th transaction of the journal so far (modulo its size), whatever it is. */
    record Reverse(int n) implements Operation {
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<BigDecimal> cents = Arbitraries.longs().between(1, 5_000_000).map(c -> BigDecimal.valueOf(c, 2));
        Arbitrary<Operation> levy = Arbitraries.integers().between(0, 2).flatMap(p -> cents.map(a -> new Levy(p, a)));
        Arbitrary<Operation> allocate = Arbitraries.integers().between(0, 2).flatMap(b -> cents.map(a -> new Allocate(b, a)));
        Arbitrary<Operation> reverse = Arbitraries.integers().between(0, 1000).map(Reverse::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, levy), net.jqwik.api.Tuple.of(4, allocate), net.jqwik.api.Tuple.of(1, reverse))
                .list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void debitsEqualCreditsNoBalanceBelowZeroAndTheFundIsLeviesMinusAllocations(
            @ForAll("operations") List<Operation> operations) {
        Ledger ledger = new Ledger();
        BigDecimal levied = BigDecimal.ZERO;
        BigDecimal allocated = BigDecimal.ZERO;
        Set<UUID> reversed = new HashSet<>();
        for (Operation op : operations) {
            BigDecimal fundBefore = ledger.balance(Accounts.FUND);
            switch (op) {
                case Levy l -> {
                    ledger.levy(PROGRAMMES.get(l.programme()), l.amount());
                    levied = levied.add(l.amount());
                }
                case Allocate a -> {
                    boolean affordable = a.amount().compareTo(fundBefore) <= 0;
                    try {
                        ledger.allocate(BENEFICIARIES.get(a.beneficiary()), a.amount());
                        assertThat(affordable).as("allocated %s from %s", a.amount(), fundBefore).isTrue();
                        allocated = allocated.add(a.amount());
                    } catch (RuleViolation refused) {
                        assertThat(affordable).as("refused %s from %s", a.amount(), fundBefore).isFalse();
                        assertThat(refused.rule()).isEqualTo("solde-insuffisant");
                        assertThat(ledger.balance(Accounts.FUND)).isEqualByComparingTo(fundBefore);
                    }
                }
                case Reverse r -> {
                    List<JournalTransaction> journal = ledger.journal();
                    if (journal.isEmpty()) {
                        continue;
                    }
                    JournalTransaction target = journal.get(r.n() % journal.size());
                    boolean fundCanGiveBack = target.kind() != JournalTransaction.Kind.LEVY
                            || target.amount().compareTo(fundBefore) <= 0;
                    try {
                        ledger.reverse(target);
                        assertThat(target.kind()).isNotEqualTo(JournalTransaction.Kind.REVERSAL);
                        assertThat(reversed.add(target.id())).as("reversed once").isTrue();
                        assertThat(fundCanGiveBack).isTrue();
                        if (target.kind() == JournalTransaction.Kind.LEVY) {
                            levied = levied.subtract(target.amount());
                        } else {
                            allocated = allocated.subtract(target.amount());
                        }
                    } catch (RuleViolation refused) {
                        assertThat(target.kind() == JournalTransaction.Kind.REVERSAL || reversed.contains(target.id())
                                || !fundCanGiveBack).as(refused.getMessage()).isTrue();
                    }
                }
            }
            checkInvariants(ledger);
        }
        assertThat(ledger.balance(Accounts.FUND)).isEqualByComparingTo(levied.subtract(allocated));
    }

    private static void checkInvariants(Ledger ledger) {
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        Map<String, BigDecimal> fromEntries = new HashMap<>();
        for (JournalTransaction t : ledger.journal()) {
            BigDecimal txDebits = BigDecimal.ZERO;
            BigDecimal txCredits = BigDecimal.ZERO;
            for (Entry e : t.entries()) {
                if (e.side() == Side.DEBIT) {
                    txDebits = txDebits.add(e.amount());
                } else {
                    txCredits = txCredits.add(e.amount());
                }
                fromEntries.merge(e.account(), e.effect(), BigDecimal::add);
            }
            assertThat(txDebits).isEqualByComparingTo(txCredits);
            debits = debits.add(txDebits);
            credits = credits.add(txCredits);
        }
        assertThat(debits).isEqualByComparingTo(credits);
        ledger.balances().forEach((account, balance) -> {
            assertThat(balance.signum()).as("balance of %s", account).isGreaterThanOrEqualTo(0);
            assertThat(balance).as("balance of %s = its entries", account)
                    .isEqualByComparingTo(fromEntries.getOrDefault(account, BigDecimal.ZERO));
        });
    }

    @Test
    void aTransactionThatDoesNotBalanceCannotExist() {
        assertThatThrownBy(() -> new JournalTransaction(UUID.randomUUID(), JournalTransaction.Kind.LEVY, null, List.of(
                new Entry(Accounts.programme(PROGRAMMES.get(0)), Side.DEBIT, new BigDecimal("10.00")),
                new Entry(Accounts.FUND, Side.CREDIT, new BigDecimal("9.99")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unbalanced");
    }

    @Test
    void aReversalIsTheMirrorOfItsOriginalAndIsNotItselfReversed() {
        Ledger ledger = new Ledger();
        JournalTransaction levy = ledger.levy(PROGRAMMES.get(0), new BigDecimal("100.00"));
        JournalTransaction allocation = ledger.allocate(BENEFICIARIES.get(0), new BigDecimal("40.00"));
        JournalTransaction reversal = ledger.reverse(allocation);
        assertThat(reversal.reverses()).isEqualTo(allocation.id());
        assertThat(reversal.entries()).containsExactlyElementsOf(allocation.entries().stream().map(Entry::reversed).toList());
        assertThat(ledger.balance(Accounts.FUND)).isEqualByComparingTo("100.00");
        assertThatThrownBy(() -> ledger.reverse(allocation)).isInstanceOf(RuleViolation.StateConflict.class);
        assertThatThrownBy(() -> ledger.reverse(reversal)).isInstanceOf(RuleViolation.class);
        // the levy can be given back only while the fund still holds it
        ledger.allocate(BENEFICIARIES.get(1), new BigDecimal("60.01").subtract(new BigDecimal("0.01")));
        assertThatThrownBy(() -> ledger.reverse(levy)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("solde");
        List<JournalTransaction> all = new ArrayList<>(ledger.journal());
        assertThat(all).hasSize(4);
    }
}
