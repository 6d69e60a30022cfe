package fr.dataterritoires.replication.domain.initiative;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence each maturity step requires; a step lacking any of it is refused, naming every missing piece:
 * <ul>
 * <li>experiment → validated: at least one indicator with a baseline and a different result, measured by an
 * evaluation dated today or before; at least one territory;</li>
 * <li>validated → accelerated: selected into a cohort of the acceleration programme by its jury; a replication kit
 * with documentation and a contact;</li>
 * <li>accelerated → replicated: at least one live replication by another territory;</li>
 * <li>replicated → sustained: at least {@value #SUSTAINED_REPLICATIONS} live replications, the annual running cost
 * known, its commons reusable (licence and repository), and {@value #SUSTAINED_DAYS} days since validation.</li>
 * </ul>
 */
public final class MaturityEvidence {

    public static final int SUSTAINED_REPLICATIONS = 2;
    public static final int SUSTAINED_DAYS = 365;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private MaturityEvidence() {
    }

    /** What is checked and found (evidence) and what is missing, for the step to {@code target}. */
    public record Assessment(List<String> found, List<String> missing) {
        public Assessment {
            found = List.copyOf(found);
            missing = List.copyOf(missing);
        }

        public boolean isSufficient() {
            return missing.isEmpty();
        }
    }

    public static Assessment assess(Initiative initiative, Maturity target, MaturityFacts facts, Instant now) {
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        switch (target) {
            case EXPERIMENT -> missing.add("une initiative commence au stade d'expérimentation");
            case VALIDATED -> {
                List<Indicator> evidence = initiative.indicators().stream().filter(Indicator::isEvidence)
                        .filter(i -> i.evaluation().isDoneBy(today)).toList();
                if (evidence.isEmpty()) {
                    missing.add("au moins un indicateur avec une valeur avant, une valeur après différente et "
                            + "l'évaluation qui les a mesurées");
                } else {
                    evidence.forEach(i -> found.add("indicateur « " + i.name() + " » : " + i.before().toPlainString()
                            + " → " + i.after().toPlainString() + " " + i.unit() + " (évaluation "
                            + (i.evaluation().independent() ? "indépendante" : "interne") + " de "
                            + i.evaluation().evaluator() + ", " + i.evaluation().evaluatedOn() + ")"));
                }
                if (initiative.territories().isEmpty()) {
                    missing.add("au moins un territoire d'expérimentation");
                }
            }
            case ACCELERATED -> {
                if (facts.cohortId().isEmpty()) {
                    missing.add("une sélection dans une promotion du programme d'accélération");
                } else {
                    found.add("sélectionnée dans la promotion " + facts.cohortId().get());
                }
                if (!initiative.kit().isComplete()) {
                    missing.add("un kit de réplication avec une documentation et au moins un contact");
                } else {
                    found.add("kit de réplication : " + initiative.kit().documentationUrl());
                }
            }
            case REPLICATED -> {
                if (facts.liveReplications() < 1) {
                    missing.add("au moins une réplication en service dans un autre territoire");
                } else {
                    found.add(facts.liveReplications() + " réplication(s) en service");
                }
            }
            case SUSTAINED -> {
                if (facts.liveReplications() < SUSTAINED_REPLICATIONS) {
                    missing.add("au moins " + SUSTAINED_REPLICATIONS + " réplications en service (" +
                            facts.liveReplications() + " aujourd'hui)");
                } else {
                    found.add(facts.liveReplications() + " réplications en service");
                }
                if (initiative.annualRunningCost() == null) {
                    missing.add("le coût de fonctionnement annuel");
                } else {
                    found.add("coût de fonctionnement annuel : " + initiative.annualRunningCost().toPlainString()
                            + " €");
                }
                if (initiative.commons() == null || !initiative.commons().isReusable()) {
                    missing.add("un commun réutilisable (licence et dépôt public)");
                } else {
                    found.add("commun sous licence " + initiative.commons().licence());
                }
                Instant validated = initiative.validatedAt();
                if (validated == null || Duration.between(validated, now).toDays() < SUSTAINED_DAYS) {
                    missing.add(SUSTAINED_DAYS + " jours écoulés depuis la validation");
                } else {
                    found.add(Duration.between(validated, now).toDays() + " jours depuis la validation");
                }
            }
        }
        return new Assessment(found, missing);
    }
}
