package fr.dataterritoires.replication.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.dataterritoires.platform.errors.PlausibleDate;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.replication.domain.TerritoryRef;
import fr.dataterritoires.replication.domain.initiative.CommonsUsed;
import fr.dataterritoires.replication.domain.initiative.Evaluation;
import fr.dataterritoires.replication.domain.initiative.Indicator;
import fr.dataterritoires.replication.domain.initiative.InitiativeContent;
import fr.dataterritoires.replication.domain.initiative.Maturity;
import fr.dataterritoires.replication.domain.initiative.ReplicationKit;
import fr.dataterritoires.replication.domain.programme.Criterion;
import fr.dataterritoires.replication.domain.programme.SupportKind;
import fr.dataterritoires.replication.domain.replica.CostShare;
import fr.dataterritoires.replication.domain.replica.ReplicationStatus;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Request bodies, validated at the edge; the domain checks the rest and names the field it refuses. */
final class Bodies {

    static final String SIREN = "[0-9]{9}";
    static final String SIREN_MESSAGE = "doit comporter 9 chiffres";

    private Bodies() {
    }

    @Schema(description = "Une initiative : expérimentation d'un territoire, ce qu'elle résout, les communs qu'elle "
            + "utilise, ses preuves de réussite et son kit de réplication.")
    record InitiativeBody(
            @Schema(description = "SIREN de l'organisation porteuse") @NotBlank @Pattern(regexp = SIREN,
                    message = SIREN_MESSAGE) String leadSiren,
            @Schema(description = "Titre") @NotBlank @Size(max = 300) String title,
            @Schema(description = "Problème résolu") @Size(max = 4000) String problem,
            @Schema(description = "Politique publique concernée (mobilité, énergie, eau…)") @NotBlank @Size(max = 100)
            String policyDomain,
            @Schema(description = "Territoires d'expérimentation : codes INSEE (commune, département, région), SIREN "
                    + "d'EPCI, ou niveau:code (region:84) quand le code est ambigu") @NotEmpty
            @Size(max = 200) List<@NotBlank String> territories,
            @Valid CommonsBody commons,
            @Schema(description = "Indicateurs de réussite : valeurs avant et après, et l'évaluation qui les a mesurées")
            @Size(max = 50) List<@Valid @NotNull IndicatorBody> indicators,
            @Schema(description = "Charte éthique adoptée") @Size(max = 300) String ethicsCharter,
            @Schema(description = "Labels obtenus") @Size(max = 30) List<@NotBlank @Size(max = 200) String> labels,
            @Schema(description = "Coût de fonctionnement annuel en euros, chaîne décimale à deux décimales",
                    example = "45000.00", type = "string") @PositiveOrZero BigDecimal annualRunningCost,
            @Schema(description = "Compétences nécessaires") @Size(max = 30) List<@NotBlank @Size(max = 200) String> skills,
            @Valid KitBody kit) {

        InitiativeContent content() {
            return new InitiativeContent(title, problem, policyDomain, TerritoryRef.parseAll(territories, "territories"),
                    commons == null ? null : commons.value(), indicators == null ? List.of()
                            : indicators.stream().map(IndicatorBody::value).toList(),
                    ethicsCharter, labels, annualRunningCost, skills, kit == null ? null : kit.value());
        }
    }

    record DescribeBody(@NotNull @Min(0) Long version, @NotNull @Valid InitiativeBody initiative) {
    }

    @Schema(description = "Le commun numérique utilisé")
    record CommonsBody(@Size(max = 300) String title, @Size(max = 40) String kind,
            @Schema(description = "Dépôt du logiciel") @Size(max = 500) String repositoryUrl,
            @Schema(description = "Licence") @Size(max = 100) String licence,
            @Schema(description = "Schémas de données (identifiants schema.data.gouv.fr)") @Size(max = 50)
            List<@NotBlank @Size(max = 200) String> dataSchemas) {
        CommonsUsed value() {
            return new CommonsUsed(title, kind, repositoryUrl, licence, dataSchemas);
        }
    }

    record IndicatorBody(@NotBlank @Size(max = 300) String name, @NotBlank @Size(max = 50) String unit,
            @Schema(description = "Valeur avant l'expérimentation", type = "string") BigDecimal before,
            @Schema(description = "Valeur après", type = "string") BigDecimal after,
            @Valid EvaluationBody evaluation) {
        Indicator value() {
            return new Indicator(name, unit, before, after, evaluation == null ? null : evaluation.value());
        }
    }

    record EvaluationBody(@NotBlank @Size(max = 1000) String method, @NotBlank @Size(max = 300) String evaluator,
            @NotNull @PlausibleDate LocalDate evaluatedOn, @Size(max = 500) String reportUrl, boolean independent) {
        Evaluation value() {
            return new Evaluation(method, evaluator, evaluatedOn, reportUrl, independent);
        }
    }

    record KitBody(@Size(max = 500) String documentationUrl, @Size(max = 50) List<@NotBlank String> schemas,
            @Size(max = 500) String softwareUrl, @Size(max = 20) List<@Valid @NotNull ContactBody> contacts) {
        ReplicationKit value() {
            return new ReplicationKit(documentationUrl, schemas, softwareUrl, contacts == null ? List.of()
                    : contacts.stream().map(c -> new ReplicationKit.Contact(c.organisation(), c.function(), c.email()))
                            .toList());
        }
    }

    record ContactBody(@NotBlank @Size(max = 300) String organisation, @Size(max = 200) String function,
            @Size(max = 254) String email) {
    }

    @Schema(description = "Passage au stade de maturité suivant, sur preuves")
    record MaturityBody(@NotNull @Min(0) Long version,
            @Schema(description = "Stade visé (le suivant)") @NotNull Maturity maturity,
            @Schema(description = "Justification") @NotBlank @Size(max = 2000) String justification) {
    }

    @Schema(description = "Un territoire adopte une initiative, ou une réplique d'elle (basedOn)")
    record ReplicationBody(@NotNull UUID initiativeId,
            @Schema(description = "Réplication dont celle-ci s'inspire (lignée)") UUID basedOn,
            @NotBlank @Pattern(regexp = SIREN, message = SIREN_MESSAGE) String adopterSiren,
            @NotEmpty @Size(max = 200) List<@NotBlank String> territories) {
    }

    record StatusBody(@NotNull @Min(0) Long version, @NotNull ReplicationStatus status,
            @Schema(description = "Date de l'étape (date de début prévue pour « planifiée »)") @NotNull @PlausibleDate LocalDate on) {
    }

    record AbandonBody(@NotNull @Min(0) Long version, @NotBlank @Size(max = 2000) String reason) {
    }

    record ReportBody(@NotNull @Min(0) Long version, @Size(max = 50) List<@Valid @NotNull CostBody> sharedCosts,
            @Size(max = 50) List<@Valid @NotNull IndicatorBody> outcomes) {
        List<CostShare> costs() {
            return sharedCosts == null ? List.of()
                    : sharedCosts.stream().map(c -> new CostShare(c.payerSiren(), c.amount(), c.description())).toList();
        }

        List<Indicator> indicators() {
            return outcomes == null ? List.of() : outcomes.stream().map(IndicatorBody::value).toList();
        }
    }

    record CostBody(@NotBlank @Pattern(regexp = SIREN, message = SIREN_MESSAGE) String payerSiren,
            @Schema(type = "string", example = "12000.00") @NotNull BigDecimal amount,
            @NotBlank @Size(max = 500) String description) {
    }

    record BasedOnBody(@NotNull @Min(0) Long version, UUID basedOn) {
    }

    @Schema(description = "Un soutien reçu : financement, ou accompagnement par une structure de mutualisation")
    record SupportBody(@NotNull SupportKind kind, UUID replicationId,
            @NotBlank @Pattern(regexp = SIREN, message = SIREN_MESSAGE) String providerSiren,
            @Size(max = 300) String providerName,
            @Schema(type = "string", example = "20000.00") BigDecimal amount, @NotNull @PlausibleDate LocalDate receivedOn,
            @Size(max = 2000) String description) {
    }

    @Schema(description = "Un appel à candidatures du programme d'accélération, ses critères publiés et son jury")
    record CallBody(@NotBlank @Size(max = 300) String title, @Size(max = 4000) String description,
            @NotEmpty @Size(max = 12) List<@Valid @NotNull CriterionBody> criteria,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull JurorBody> jury, @NotNull @PlausibleDate LocalDate opensOn,
            @NotNull @PlausibleDate LocalDate closesOn, @NotNull @Min(1) @Max(100) Integer capacity,
            @Schema(type = "string", example = "3.00") @NotNull BigDecimal minimumScore,
            @NotNull @PlausibleDate LocalDate supportStart,
            @NotNull @PlausibleDate LocalDate supportEnd) {
    }

    record CriterionBody(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 300) String label,
            @NotNull @Min(1) @Max(10) Integer weight) {
        Criterion value() {
            return new Criterion(code, label, weight);
        }
    }

    record JurorBody(@Schema(description = "Identifiant (sub) du compte du juré") @NotBlank @Size(max = 200)
            String subject, @NotBlank @Size(max = 200) String name, @Size(max = 300) String organisation) {
    }

    record CandidacyBody(@NotNull UUID initiativeId, @NotBlank @Size(max = 4000) String motivation) {
    }

    record ScoresBody(@Schema(description = "Note de 0 à 5 pour chaque critère publié, par code") @NotEmpty
            java.util.Map<@NotBlank String, @NotNull @Min(0) @Max(5) Integer> scores) {
    }

    record SelectionBody(@NotBlank @Size(max = 200) String cohortName) {
    }

    static TerritoryRef territoryParam(String raw) {
        if (raw == null || raw.isBlank()) {
            throw RuleViolation.invalid("territory", "Le paramètre « territory » est obligatoire.");
        }
        return TerritoryRef.parse(raw, "territory");
    }
}
