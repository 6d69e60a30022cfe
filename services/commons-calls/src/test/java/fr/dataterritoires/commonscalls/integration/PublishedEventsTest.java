package fr.dataterritoires.commonscalls.integration;

import static fr.dataterritoires.commonscalls.support.Api.FUNDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.commonscalls.support.Api;
import fr.dataterritoires.commonscalls.support.ServiceTest;
import fr.dataterritoires.contracts.events.CloudEvent;
import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.events.EventsTopology;
import fr.dataterritoires.platform.testsupport.EventSchemas;

/**
 * What consumers (roadmaps, replication) receive from the broker: an award's AwardGranted as a CloudEvent with the
 * suite's type, source and subject, its data conforming to the schema.
 */
@ServiceTest
class PublishedEventsTest {

    private static final String AWARD_GRANTED = "fr.dataterritoires.commons-calls.AwardGranted.v1";

    @LocalServerPort
    int port;

    @Autowired
    ConnectionFactory connectionFactory;

    @Value("${dataterritoires.events.exchange:dataterritoires.events}")
    String exchange;

    @Test
    void anAwardReachesTheBrokerAsACloudEvent() {
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        // the publisher declares the exchange on its first publication; the same declaration, if this test comes first
        EventsTopology.declareEventsExchange(admin, exchange);
        // exclusive, auto-deleted: gone with the test's connection
        Queue queue = new Queue("commons-calls-test-" + java.util.UUID.randomUUID(), false, true, true);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(exchange)).with(AWARD_GRANTED));
        RabbitTemplate broker = new RabbitTemplate(connectionFactory);
        try {
            Api api = new Api(port);
            String callId = api.openCall(Api.callBody(api.demoFunder(), "COMMONS", null, "300000.00", "120000.00", "0.00"));
            String applicationId = api.submitted(Api.applicationBody(callId, "40000.00", Api.MEMBER));
            api.closeAndEvaluate(callId);
            api.eligible(applicationId);
            String awardId = api.post("/api/applications/" + applicationId + "/award", FUNDER,
                    Map.of("amount", "40000.00", "reason", "Lauréat.")).status(201).json().path("id").asString();

            CloudEvent received = null;
            Instant until = Instant.now().plus(Duration.ofSeconds(30));
            while (received == null && Instant.now().isBefore(until)) {
                Message message = broker.receive(queue.getName(), 1000);
                if (message != null) {
                    CloudEvent event = CloudEvents.parse(message.getBody());
                    if (awardId.equals(event.subject())) {
                        received = event;
                    }
                }
            }
            assertThat(received).as("AwardGranted of " + awardId).isNotNull();
            assertThat(received.type()).isEqualTo(AWARD_GRANTED);
            assertThat(received.source()).isEqualTo("/dataterritoires/commons-calls");
            EventSchemas.assertConformsTo("commonscalls/AwardGranted.v1", received.data());
            assertThat(received.data().path("beneficiarySirens").toString()).contains(Api.LEAD, Api.MEMBER);
        } finally {
            admin.deleteQueue(queue.getName());
        }
    }
}
