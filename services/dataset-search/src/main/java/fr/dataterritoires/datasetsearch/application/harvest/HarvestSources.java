package fr.dataterritoires.datasetsearch.application.harvest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quartz.CronExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.ConflictException;
import fr.dataterritoires.platform.errors.NotFoundException;

/** Managing the harvested catalogues: every change audited and its schedule reinstalled after commit. */
@Service
public class HarvestSources {

    private final HarvestSourceRepository sources;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    public HarvestSources(HarvestSourceRepository sources, AuditTrail audit, ApplicationEventPublisher events) {
        this.sources = sources;
        this.audit = audit;
        this.events = events;
    }

    /** Whether a schedule is a Quartz cron expression ({@code 0 0 3 * * ?}). */
    public static boolean isValidSchedule(String schedule) {
        return schedule == null || schedule.isBlank() || CronExpression.isValidExpression(schedule.strip());
    }

    public List<HarvestSource> list() {
        return sources.findAll();
    }

    public HarvestSource get(String id) {
        return sources.find(id).orElseThrow(() -> NotFoundException.of("source de moissonnage", id));
    }

    @Transactional
    public HarvestSource create(HarvestSource source, String actor) {
        requireValidSchedule(source);
        if (sources.find(source.id()).isPresent()) {
            throw new ConflictException("Une source d'identifiant « " + source.id() + " » existe déjà.");
        }
        sources.insert(source);
        audit.record(actor, "harvest-source.created", "harvest-source", source.id(), null, summary(source));
        events.publishEvent(new HarvestSourceChanged(source));
        return source;
    }

    @Transactional
    public HarvestSource update(HarvestSource source, String actor) {
        requireValidSchedule(source);
        HarvestSource before = get(source.id());
        if (before.equals(source)) {
            return source;
        }
        sources.update(source);
        audit.record(actor, "harvest-source.changed", "harvest-source", source.id(), summary(before), summary(source));
        events.publishEvent(new HarvestSourceChanged(source));
        return source;
    }

    private static void requireValidSchedule(HarvestSource source) {
        if (!isValidSchedule(source.schedule())) {
            throw new IllegalArgumentException("invalid cron " + source.schedule());
        }
    }

    static Map<String, Object> summary(HarvestSource source) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", source.id());
        map.put("name", source.name());
        map.put("kind", source.kind().name());
        map.put("url", source.url().toString());
        map.put("schedule", source.schedule());
        map.put("enabled", source.enabled());
        map.put("defaultAccessLevel", source.defaultAccessLevel().name());
        map.put("defaultProducer", source.defaultProducer() == null ? null : source.defaultProducer().name());
        return map;
    }
}
