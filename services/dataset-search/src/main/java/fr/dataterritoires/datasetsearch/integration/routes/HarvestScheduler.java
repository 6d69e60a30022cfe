package fr.dataterritoires.datasetsearch.integration.routes;

import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import fr.dataterritoires.datasetsearch.application.harvest.HarvestProperties;
import fr.dataterritoires.datasetsearch.application.harvest.HarvestSourceChanged;
import fr.dataterritoires.datasetsearch.application.harvest.HarvestSources;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;

/**
 * One Quartz route per enabled source with a schedule ({@code quartz://harvest/<id>?cron=...}), feeding
 * {@link HarvestRoutes#ENTRY}; installed at start and replaced when a source is created or changed. Off when
 * {@code dataterritoires.harvest.scheduling.enabled=false} (tests).
 */
@Component
public class HarvestScheduler {

    private static final Logger log = LoggerFactory.getLogger(HarvestScheduler.class);
    static final String ROUTE_PREFIX = "dt-harvest-schedule-";

    private final CamelContext camel;
    private final HarvestSources sources;
    private final HarvestProperties properties;

    public HarvestScheduler(CamelContext camel, HarvestSources sources, HarvestProperties properties) {
        this.camel = camel;
        this.sources = sources;
        this.properties = properties;
    }

    public static String routeId(String sourceId) {
        return ROUTE_PREFIX + sourceId;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void installAll() {
        if (!properties.scheduling().enabled()) {
            log.info("Harvest scheduling is off (dataterritoires.harvest.scheduling.enabled=false)");
            return;
        }
        sources.list().forEach(this::installQuietly);
    }

    @TransactionalEventListener
    public void sourceChanged(HarvestSourceChanged event) {
        if (properties.scheduling().enabled()) {
            installQuietly(event.source());
        }
    }

    /** One source whose schedule Camel refuses must not stop the others (nor fail the request that changed it). */
    private void installQuietly(HarvestSource source) {
        try {
            install(source);
        } catch (RuntimeException refused) {
            log.error("Harvest of {} not scheduled ({})", source.id(), source.schedule(), refused);
        }
    }

    /** Installs, replaces or removes the schedule of a source according to its state. */
    public synchronized void install(HarvestSource source) {
        uninstall(source.id());
        if (!source.enabled() || source.schedule() == null) {
            return;
        }
        try {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // stateful: a run longer than the period is not started twice by the same trigger
                    from("quartz://harvest/" + source.id() + "?stateful=true&cron=RAW(" + source.schedule() + ")")
                            .routeId(routeId(source.id()))
                            .setHeader(HarvestRoutes.SOURCE_ID, constant(source.id()))
                            .to(HarvestRoutes.ENTRY);
                }
            });
            log.info("Harvest of {} scheduled: {}", source.id(), source.schedule());
        } catch (Exception e) {
            throw new IllegalStateException("Could not schedule the harvest of " + source.id(), e);
        }
    }

    public synchronized void uninstall(String sourceId) {
        String id = routeId(sourceId);
        Optional<Route> route = Optional.ofNullable(camel.getRoute(id));
        if (route.isEmpty()) {
            return;
        }
        try {
            camel.getRouteController().stopRoute(id);
            camel.removeRoute(id);
        } catch (Exception e) {
            throw new IllegalStateException("Could not unschedule the harvest of " + sourceId, e);
        }
    }

    public boolean isScheduled(String sourceId) {
        return camel.getRoute(routeId(sourceId)) != null;
    }
}
