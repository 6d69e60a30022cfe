package fr.dataterritoires.exchanges.domain;

import static fr.dataterritoires.exchanges.domain.DomainFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * Whatever the parties do, in whatever order, a placement never breaks its invariants: it is agreed only when the
 * current version is accepted by all three, starts only once agreed, completes only with report and feedback, and a
 * refused command changes nothing.
 */
class PlacementPropertiesTest {

    record Command(String kind, Party party, int version) {
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        Arbitrary<Command> one = Arbitraries.of("propose", "accept", "start", "report", "feedback", "complete",
                "cancel").flatMap(kind -> Arbitraries.of(Party.values()).flatMap(party ->
                Arbitraries.integers().between(0, 4).map(v -> new Command(kind, party, v))));
        return one.list().ofMaxSize(25);
    }

    @Property(tries = 300)
    void invariantsHoldWhateverTheOrder(@ForAll("commands") List<Command> commands) {
        Placement p = DomainFixtures.placement();
        for (Command c : commands) {
            PlacementStatus before = p.status();
            int versions = p.agreement().size();
            try {
                switch (c.kind()) {
                    case "propose" -> p.proposeAgreement(c.party(), List.of("Objectif " + c.version()), NOW);
                    case "accept" -> p.acceptAgreement(c.party(), c.version(), NOW);
                    case "start" -> p.start(NOW);
                    case "report" -> p.report("r", NOW);
                    case "feedback" -> p.feedback("f", NOW);
                    case "complete" -> p.complete(NOW);
                    case "cancel" -> p.cancel("motif", NOW);
                    default -> throw new IllegalStateException(c.kind());
                }
            } catch (RuleViolation refused) {
                assertThat(p.status()).as("a refused command changes nothing").isEqualTo(before);
                assertThat(p.agreement()).hasSize(versions);
            }
            if (p.status() == PlacementStatus.AGREED || p.status() == PlacementStatus.IN_PROGRESS
                    || p.status() == PlacementStatus.COMPLETED) {
                assertThat(p.currentAgreement()).isNotNull();
                assertThat(p.currentAgreement().acceptedByAll()).isTrue();
            }
            if (p.status() == PlacementStatus.IN_PROGRESS || p.status() == PlacementStatus.COMPLETED) {
                assertThat(p.startedAt()).isNotNull();
            }
            if (p.status() == PlacementStatus.COMPLETED) {
                assertThat(p.agentReport()).isNotNull();
                assertThat(p.hostFeedback()).isNotNull();
            }
            if (p.status() == PlacementStatus.CANCELLED) {
                assertThat(p.cancelReason()).isNotBlank();
            }
        }
    }
}
