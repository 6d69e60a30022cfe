package fr.dataterritoires.testing.backends;

/** A resolved AMQP 0-9-1 broker (RabbitMQ, or the embedded Qpid Broker-J). */
public interface AmqpBackend {

    /** Spring Boot's RabbitMQ connection properties for this broker. */
    default java.util.Map<String, Object> springProperties() {
        return springProperties(port());
    }

    /** The same, reaching the broker through another port (e.g. a proxy in front of it). */
    default java.util.Map<String, Object> springProperties(int port) {
        return java.util.Map.of(
                "spring.rabbitmq.host", host(),
                "spring.rabbitmq.port", port,
                "spring.rabbitmq.username", username(),
                "spring.rabbitmq.password", password(),
                "spring.rabbitmq.virtual-host", virtualHost());
    }
    BackendSource source();

    String host();

    int port();

    String username();

    String password();

    String virtualHost();

    /** amqp://user:password@host:port/vhost */
    String uri();
}
