package fr.dataterritoires.replication.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fr.dataterritoires.replication.domain.initiative.CommonsUsed;
import fr.dataterritoires.replication.domain.initiative.Evaluation;
import fr.dataterritoires.replication.domain.initiative.Indicator;
import fr.dataterritoires.replication.domain.initiative.Initiative;
import fr.dataterritoires.replication.domain.initiative.InitiativeContent;
import fr.dataterritoires.replication.domain.initiative.ReplicationKit;

/** Domain values for the unit tests. */
public final class Fixtures {

    public static final String LYON_METROPOLE = "200046977";
    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private Fixtures() {
    }

    public static Indicator evaluated(String before, String after, LocalDate on) {
        return new Indicator("Usagers satisfaits", "%", new BigDecimal(before), new BigDecimal(after),
                new Evaluation("Enquête avant/après", "Cerema", on, "https://www.cerema.fr/r", true));
    }

    public static InitiativeContent content(List<Indicator> indicators, ReplicationKit kit, BigDecimal runningCost,
            CommonsUsed commons) {
        return new InitiativeContent("Covoiturage du quotidien", "Trajets domicile-travail", "Mobilité",
                Set.of(TerritoryRef.parse("69123", "t")), commons, indicators, null, List.of(), runningCost, List.of(),
                kit);
    }

    public static ReplicationKit completeKit() {
        return new ReplicationKit("https://doc.example.fr", List.of(), null,
                List.of(new ReplicationKit.Contact("Métropole de Lyon", "Service données", "donnees@example.fr")));
    }

    public static Initiative experiment(List<Indicator> indicators) {
        return Initiative.create(UUID.randomUUID(), LYON_METROPOLE, content(indicators, completeKit(),
                new BigDecimal("45000.00"), new CommonsUsed("Covoit", "SOFTWARE", "https://git.example.fr/c",
                        "EUPL-1.2", List.of())), T0);
    }
}
