package fr.dataterritoires.datasetsearch.integration.routes;

import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.dataterritoires.datasetsearch.application.harvest.HarvestService;
import fr.dataterritoires.datasetsearch.domain.HarvestRun;
import fr.dataterritoires.platform.errors.ConflictException;

/**
 * The one entry of every harvest, {@value #ENTRY}: scheduled routes send it the source id, on-demand requests the
 * source id and the run they already recorded. Either way the same {@link HarvestService} does the work.
 */
@Component
public class HarvestRoutes extends RouteBuilder {

    public static final String ENTRY = "direct:harvest";
    public static final String ROUTE_ID = "dt-harvest";
    public static final String SOURCE_ID = "dtHarvestSourceId";
    public static final String RUN_ID = "dtHarvestRunId";

    private static final Logger log = LoggerFactory.getLogger(HarvestRoutes.class);

    private final HarvestService harvest;

    public HarvestRoutes(HarvestService harvest) {
        this.harvest = harvest;
    }

    @Override
    public void configure() {
        from(ENTRY).routeId(ROUTE_ID).process(this::harvest);
    }

    private void harvest(Exchange exchange) {
        String sourceId = exchange.getMessage().getHeader(SOURCE_ID, String.class);
        Object runHeader = exchange.getMessage().getHeader(RUN_ID);
        UUID runId = runHeader == null ? null : UUID.fromString(runHeader.toString());
        if (runId == null) {
            try {
                runId = harvest.start(sourceId, HarvestRun.Trigger.SCHEDULE, harvest.systemActor()).id();
            } catch (ConflictException running) {
                // the previous run (or an on-demand one) is still going: this tick is skipped, not queued
                log.info("Scheduled harvest of {} skipped: a run is in progress", sourceId);
                return;
            }
        }
        exchange.getMessage().setBody(harvest.execute(runId));
    }
}
