package fr.dataterritoires.exchanges.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.exchanges.domain.Enrolment;
import fr.dataterritoires.exchanges.domain.ExchangeApplication;
import fr.dataterritoires.exchanges.domain.Person;
import fr.dataterritoires.exchanges.domain.Placement;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.NotFoundException;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.security.DtPrincipal;

/**
 * A person's rights over their data (export, erasure on request) and the retention job (erasure once everything
 * about them has been closed for {@code dataterritoires.exchanges.personal-data-retention}). Erasure empties the
 * identity (person row, statistics key included) and the free texts written by or about them (motivation, reasons,
 * report, feedback, agreement objectives); organisations, dates and statuses stay, so capacity, overlaps and the
 * anonymous statistics are unchanged. The audit trail never held any of it (identifiers only), so it needs no
 * rewriting and its hash chain stays whole. Logs name counts only.
 */
@Service
public class PersonalDataService {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataService.class);
    private static final String SERVICE_ACTOR = "service:exchanges-retention";

    private final ExchangeStores.Persons persons;
    private final ExchangeStores.Applications applications;
    private final ExchangeStores.Placements placements;
    private final ExchangeStores.Offers offers;
    private final ExchangeStores.Trainings trainings;
    private final AuditTrail audit;
    private final ExchangesSettings settings;
    private final ExchangesMetrics metrics;

    public PersonalDataService(ExchangeStores.Persons persons, ExchangeStores.Applications applications,
                               ExchangeStores.Placements placements, ExchangeStores.Offers offers,
                               ExchangeStores.Trainings trainings, AuditTrail audit, ExchangesSettings settings,
                               ExchangesMetrics metrics) {
        this.persons = persons;
        this.applications = applications;
        this.placements = placements;
        this.offers = offers;
        this.trainings = trainings;
        this.audit = audit;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Everything the service holds about the caller, and nothing about anyone else. */
    @Transactional(readOnly = true)
    public Map<String, Object> export(DtPrincipal actor) {
        Person person = persons.findBySubject(actor.subject())
                .orElseThrow(() -> new NotFoundException("Aucune donnée n'est conservée à votre sujet."));
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("id", person.id());
        identity.put("subject", person.subject());
        identity.put("name", person.name());
        identity.put("email", person.email());
        identity.put("category", person.category());
        identity.put("createdAt", person.createdAt());
        identity.put("lastActivityAt", person.lastActivityAt());
        out.put("person", identity);
        out.put("applications", applications.byPerson(person.id()).stream().map(this::application).toList());
        out.put("placements", placements.byPerson(person.id()).stream().map(PersonalDataService::placement).toList());
        out.put("enrolments", trainings.enrolmentsOf(person.id()).stream().map(PersonalDataService::enrolment)
                .toList());
        out.put("retention", "Vos données personnelles sont effacées " + settings.personalDataRetention().toDays()
                + " jours après la clôture de votre dernier échange, candidature ou formation.");
        return out;
    }

    /** Erasure on request: refused while an exchange is agreed or in progress; open applications are withdrawn. */
    @Transactional
    public void eraseOnRequest(DtPrincipal actor) {
        Person read = persons.findBySubject(actor.subject())
                .orElseThrow(() -> new NotFoundException("Aucune donnée n'est conservée à votre sujet."));
        Person person = persons.lock(read.id()).orElseThrow();
        Instant now = Clocks.now();
        for (Placement p : placements.byPerson(person.id())) {
            if (p.status().isLive()) {
                throw new RuleViolation.StateConflict("echange-en-cours", "Un échange est en cours ou "
                        + "convenu : annulez-le ou attendez sa clôture avant de demander l'effacement de vos données.");
            }
        }
        for (ExchangeApplication a : applications.byPerson(person.id())) {
            if (a.status().isOpen()) {
                Object before = ExchangeEvents.snapshot(a);
                a.withdraw(now);
                applications.update(a);
                audit.record(person.auditActor(), "application.withdrawn", "Application", a.id().toString(), before,
                        ExchangeEvents.snapshot(applications.find(a.id()).orElseThrow()));
            }
        }
        for (Enrolment e : trainings.enrolmentsOf(person.id())) {
            if (e.status().isLive()) {
                Enrolment locked = trainings.lockEnrolment(e.id()).orElseThrow();
                locked.withdraw(now);
                trainings.updateEnrolment(locked);
            }
        }
        erase(person, person.auditActor(), "person.erased-on-request", now);
        metrics.personsErased(1);
    }

    /** One batch of the retention job: persons whose retention is over, erased; how many. */
    @Transactional
    public int eraseExpired(Instant now) {
        List<Person> expired = persons.lockExpired(now.minus(settings.personalDataRetention()), 200);
        for (Person person : expired) {
            erase(person, SERVICE_ACTOR, "person.erased-retention", now);
        }
        if (!expired.isEmpty()) {
            log.info("Personal data of {} person(s) erased: retention period over", expired.size());
            metrics.personsErased(expired.size());
        }
        return expired.size();
    }

    private void erase(Person person, String auditActor, String action, Instant now) {
        for (ExchangeApplication a : applications.byPerson(person.id())) {
            if (!a.personalDataErased()) {
                a.erasePersonalData(now);
                applications.update(a);
            }
        }
        for (Placement p : placements.byPerson(person.id())) {
            if (!p.personalDataErased()) {
                Placement locked = placements.lock(p.id()).orElseThrow();
                locked.erasePersonalData(now);
                placements.update(locked);
            }
        }
        person.erase(now);
        persons.update(person);
        audit.record(auditActor, action, "Person", person.id().toString(), null, Map.of("erasedAt", now));
    }

    private Map<String, Object> application(ExchangeApplication a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("offerId", a.offerId());
        m.put("offerTitle", offers.find(a.offerId()).map(o -> o.title()).orElse(null));
        m.put("startDate", a.dates().start());
        m.put("endDate", a.dates().end());
        m.put("motivation", a.motivation());
        m.put("status", a.status());
        m.put("employerSiren", a.employerSiren());
        m.put("employerSide", a.employerSide());
        m.put("employerRegionCode", a.employerRegionCode());
        m.put("employerMinistry", a.employerMinistry());
        m.put("employerDecidedAt", a.employerDecidedAt());
        m.put("employerReason", a.employerReason());
        m.put("hostDecidedAt", a.hostDecidedAt());
        m.put("hostReason", a.hostReason());
        m.put("waitlistedAt", a.waitlistedAt());
        m.put("submittedAt", a.submittedAt());
        return m;
    }

    private static Map<String, Object> placement(Placement p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("applicationId", p.applicationId());
        m.put("offerId", p.offerId());
        m.put("startDate", p.dates().start());
        m.put("endDate", p.dates().end());
        m.put("direction", p.direction());
        m.put("status", p.status());
        m.put("agreement", p.agreement().stream().map(v -> {
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("number", v.number());
            version.put("objectives", v.objectives());
            version.put("acceptances", v.acceptances());
            return version;
        }).toList());
        m.put("agentReport", p.agentReport());
        m.put("hostFeedback", p.hostFeedback());
        m.put("cancelReason", p.cancelReason());
        m.put("completedAt", p.completedAt());
        return m;
    }

    private static Map<String, Object> enrolment(Enrolment e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("trainingId", e.trainingId());
        m.put("learnerCategory", e.learnerCategory());
        m.put("employerSiren", e.employerSiren());
        m.put("status", e.status());
        m.put("enrolledAt", e.enrolledAt());
        m.put("completedAt", e.completedAt());
        return m;
    }

}
