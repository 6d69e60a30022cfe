package fr.dataterritoires.datasetsearch.integration.routes;

import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import fr.dataterritoires.datasetsearch.application.harvest.HarvestLauncher;

/** Sends a started run to {@link HarvestRoutes#ENTRY} without waiting for it (the caller answers 202). */
@Component
public class CamelHarvestLauncher implements HarvestLauncher {

    private final ProducerTemplate producer;

    public CamelHarvestLauncher(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void launch(String sourceId, UUID runId) {
        producer.asyncSend(HarvestRoutes.ENTRY, exchange -> {
            exchange.getMessage().setHeader(HarvestRoutes.SOURCE_ID, sourceId);
            exchange.getMessage().setHeader(HarvestRoutes.RUN_ID, runId.toString());
        });
    }
}
