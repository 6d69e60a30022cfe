package fr.dataterritoires.commonscalls.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * The call's lifecycle as a state machine, for any sequence of commands: only draft → open → closed → under evaluation
 * → decided, one step at a time; submissions accepted only while open; awards only during evaluation or after, and
 * never beyond the budget.
 */
class CallLifecyclePropertiesTest {

    enum Command {
        OPEN, CLOSE, EVALUATE, DECIDE, GRANT, EDIT
    }

    private static final Map<CallStatus, CallStatus> NEXT = Map.of(CallStatus.DRAFT, CallStatus.OPEN,
            CallStatus.OPEN, CallStatus.CLOSED, CallStatus.CLOSED, CallStatus.UNDER_EVALUATION,
            CallStatus.UNDER_EVALUATION, CallStatus.DECIDED);

    @Provide
    Arbitrary<List<Command>> commands() {
        return Arbitraries.of(Command.class).list().ofMaxSize(25);
    }

    @Property(tries = 300)
    void statusesMoveForwardOneStepAndMoneyStaysWithinTheBudget(@ForAll("commands") List<Command> commands,
                                                                 @ForAll("grants") List<BigDecimal> grants) {
        Call.Terms terms = Fixtures.terms(Set.of(ApplicantType.LOCAL_AUTHORITY), 1, List.of(), List.of());
        Call call = Call.draft(java.util.UUID.randomUUID(), terms, Fixtures.NOW);
        int g = 0;
        for (Command c : commands) {
            CallStatus before = call.status();
            BigDecimal awardedBefore = call.awardedTotal();
            BigDecimal amount = grants.isEmpty() ? new BigDecimal("50000.00") : grants.get(g++ % grants.size());
            boolean accepted = true;
            try {
                switch (c) {
                    case OPEN -> call.open(Fixtures.NOW);
                    case CLOSE -> call.close();
                    case EVALUATE -> call.startEvaluation();
                    case DECIDE -> call.decide(Fixtures.NOW);
                    case GRANT -> call.grant(amount);
                    case EDIT -> call.edit(terms);
                }
            } catch (RuleViolation refused) {
                accepted = false;
            }
            CallStatus after = call.status();
            switch (c) {
                case OPEN, CLOSE, EVALUATE, DECIDE -> {
                    boolean expected = NEXT.get(before) != null && expectedCommand(before) == c;
                    assertThat(accepted).as(c + " from " + before).isEqualTo(expected);
                    assertThat(after).isEqualTo(accepted ? NEXT.get(before) : before);
                }
                case GRANT -> {
                    boolean fits = (before == CallStatus.UNDER_EVALUATION || before == CallStatus.DECIDED)
                            && amount.compareTo(terms.maxGrant()) <= 0 && amount.compareTo(terms.minGrant()) >= 0
                            && awardedBefore.add(amount).compareTo(terms.budget()) <= 0;
                    assertThat(accepted).as("grant " + amount + " in " + before + " after " + awardedBefore).isEqualTo(fits);
                    assertThat(after).isEqualTo(before);
                }
                case EDIT -> assertThat(accepted).isEqualTo(before == CallStatus.DRAFT);
            }
            assertThat(call.awardedTotal()).isLessThanOrEqualTo(terms.budget());
            assertThat(call.acceptsSubmissions(Fixtures.NOW)).isEqualTo(after == CallStatus.OPEN);
        }
    }

    @Provide
    Arbitrary<List<BigDecimal>> grants() {
        return Arbitraries.longs().between(0, 12_000_000).map(c -> BigDecimal.valueOf(c, 2)).list().ofMaxSize(10);
    }

    private static Command expectedCommand(CallStatus from) {
        return switch (from) {
            case DRAFT -> Command.OPEN;
            case OPEN -> Command.CLOSE;
            case CLOSED -> Command.EVALUATE;
            case UNDER_EVALUATION -> Command.DECIDE;
            case DECIDED -> null;
        };
    }
}
