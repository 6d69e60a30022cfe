-- Trace context of an outbox event (ADR 0016): the W3C traceparent (and tracestate, if any) current when the event
-- was written, so that the relay can put it on the message and the consumer continue the request's trace. Null for
-- events written outside any trace (and for rows written before this migration). A database that already ran the
-- service's own V1.. migrations needs spring.flyway.out-of-order=true once to apply it (see
-- PlatformMigrationsAutoConfiguration).
ALTER TABLE outbox_event
    ADD COLUMN trace_parent text CHECK (trace_parent ~ '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}' AND length(trace_parent) <= 512),
    ADD COLUMN trace_state  text CHECK (length(trace_state) <= 512);
