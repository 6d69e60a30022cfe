package fr.dataterritoires.testing.backends;

/** A resolved AMQP 0-9-1 broker (RabbitMQ, or the embedded Qpid Broker-J). */
public interface AmqpBackend {
    BackendSource source();

    String host();

    int port();

    String username();

    String password();

    String virtualHost();

    /** amqp://user:password@host:port/vhost */
    String uri();
}
