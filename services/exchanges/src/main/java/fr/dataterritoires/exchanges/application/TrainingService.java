package fr.dataterritoires.exchanges.application;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.exchanges.domain.Enrolment;
import fr.dataterritoires.exchanges.domain.LearnerCategory;
import fr.dataterritoires.exchanges.domain.Person;
import fr.dataterritoires.exchanges.domain.Side;
import fr.dataterritoires.exchanges.domain.Training;
import fr.dataterritoires.exchanges.domain.TrainingFormat;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.NotFoundException;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.outbox.OutboxPublisher;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Ownership;
import fr.dataterritoires.platform.security.OwnershipViolationException;
import fr.dataterritoires.platform.security.Role;

/**
 * The data training catalogue (national coordinators add trainings; anyone reads it), enrolments and completions.
 * An agent enrols by themselves: without their employer's consent where the programme allows it [R14], otherwise the
 * enrolment waits for the employer's manager (HOST_MANAGER of the employer's SIREN). Any authenticated person may
 * enrol as an elected official. Completions are recorded by the national coordination (for the provider), kept as
 * anonymous statistics and published as {@code TrainingCompleted}.
 */
@Service
public class TrainingService {

    public record AddTraining(String provider, String title, String description, TrainingFormat format, int hours,
                              List<String> competences, Set<LearnerCategory> audiences,
                              boolean employerConsentRequired) {
    }

    public record Enrol(String name, String email, LearnerCategory learnerCategory, Side employerSide,
                        String regionCode) {
    }

    private final ExchangeStores.Trainings trainings;
    private final ExchangeStores.Persons persons;
    private final ExchangeStores.Statistics statistics;
    private final AuditTrail audit;
    private final OutboxPublisher outbox;
    private final ExchangesMetrics metrics;

    public TrainingService(ExchangeStores.Trainings trainings, ExchangeStores.Persons persons,
                           ExchangeStores.Statistics statistics, AuditTrail audit, OutboxPublisher outbox,
                           ExchangesMetrics metrics) {
        this.trainings = trainings;
        this.persons = persons;
        this.statistics = statistics;
        this.audit = audit;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @Transactional
    public Training add(DtPrincipal actor, AddTraining c) {
        Ownership.requireAnyRole(actor, Role.NATIONAL_COORDINATOR);
        Training t = new Training(UUID.randomUUID(), c.provider(), c.title(), c.description(), c.format(), c.hours(),
                c.competences(), c.audiences(), c.employerConsentRequired(), true, actor.subject(), Clocks.now());
        trainings.insert(t);
        audit.record(actor.subject(), "training.added", "Training", t.id().toString(), null,
                Map.of("format", t.format(), "hours", t.hours(), "consentRequired", t.employerConsentRequired()));
        return t;
    }

    @Transactional(readOnly = true)
    public List<Training> catalogue(int limit, int offset) {
        return trainings.list(limit, offset);
    }

    @Transactional(readOnly = true)
    public Training get(UUID id) {
        return trainings.find(id).orElseThrow(() -> NotFoundException.of("formation", id));
    }

    @Transactional
    public Enrolment enrol(DtPrincipal actor, UUID trainingId, Enrol c) {
        Training training = get(trainingId);
        LearnerCategory category = c.learnerCategory();
        String employerSiren = null;
        if (category.isAgent()) {
            Ownership.requireAnyRole(actor, Role.AGENT);
            if (actor.siren() == null) {
                throw new OwnershipViolationException("Votre compte ne porte pas le SIREN de votre employeur.");
            }
            if (c.employerSide() == null || LearnerCategory.agentOf(c.employerSide()) != category) {
                throw RuleViolation.invalid("employerSide",
                        "le versant de l'employeur doit correspondre à la catégorie d'apprenant");
            }
            employerSiren = actor.siren();
        }
        Instant now = Clocks.now();
        Person person = PersonRegistry.identify(persons, actor, c.name(), c.email(), null, now);
        Enrolment e = Enrolment.enrol(UUID.randomUUID(), training, person.id(), category, employerSiren,
                c.regionCode(), now);
        trainings.insertEnrolment(e);
        audit.record(person.auditActor(), "enrolment.created", "Enrolment", e.id().toString(), null,
                Map.of("trainingId", trainingId, "status", e.status(), "learnerCategory", category));
        return e;
    }

    @Transactional(readOnly = true)
    public List<Enrolment> mine(DtPrincipal actor) {
        return persons.findBySubject(actor.subject()).map(p -> trainings.enrolmentsOf(p.id())).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public List<Enrolment> awaitingConsent(DtPrincipal actor) {
        Ownership.requireAnyRole(actor, Role.HOST_MANAGER);
        return trainings.enrolmentsAwaitingConsent(actor.siren());
    }

    @Transactional
    public Enrolment consent(DtPrincipal actor, UUID enrolmentId, boolean granted) {
        Enrolment e = trainings.lockEnrolment(enrolmentId)
                .orElseThrow(() -> NotFoundException.of("inscription", enrolmentId));
        if (e.employerSiren() == null) {
            throw new RuleViolation.StateConflict("consentement-inattendu",
                    "Cette inscription n'attend pas l'accord d'un employeur.");
        }
        Ownership.requireSiren(actor, Role.HOST_MANAGER, e.employerSiren());
        Object before = Map.of("status", e.status());
        e.decideConsent(granted, actor.subject(), Clocks.now());
        trainings.updateEnrolment(e);
        audit.record(actor.subject(), granted ? "enrolment.consent-granted" : "enrolment.consent-refused",
                "Enrolment", e.id().toString(), before, Map.of("status", e.status()));
        return e;
    }

    @Transactional
    public Enrolment complete(DtPrincipal actor, UUID enrolmentId) {
        Ownership.requireAnyRole(actor, Role.NATIONAL_COORDINATOR);
        Enrolment e = trainings.lockEnrolment(enrolmentId)
                .orElseThrow(() -> NotFoundException.of("inscription", enrolmentId));
        Training training = get(e.trainingId());
        Person person = persons.lock(e.personId()).orElseThrow();
        Object before = Map.of("status", e.status());
        Instant now = Clocks.now();
        e.complete(now);
        trainings.updateEnrolment(e);
        person.touch(now);
        persons.update(person);
        audit.record(actor.subject(), "enrolment.completed", "Enrolment", e.id().toString(), before,
                Map.of("status", e.status()));
        statistics.recordTraining(new ExchangeStores.TrainingFact(training.id(), training.format().name(),
                e.learnerCategory().name(), e.regionCode(), training.hours(),
                now.atZone(ZoneOffset.UTC).toLocalDate(), person.statisticsKey()));
        outbox.record("Enrolment", e.id().toString(), ExchangeEvents.TRAINING_COMPLETED,
                new ExchangeEvents.TrainingCompleted(e.id(), training.id(), training.format().name(),
                        e.learnerCategory().name(), e.employerSiren(), e.regionCode(), training.competences(),
                        training.hours(), now));
        metrics.trainingCompleted();
        return e;
    }
}
