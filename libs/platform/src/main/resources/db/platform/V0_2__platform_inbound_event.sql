-- Idempotent consumer (libs/platform): one row per event handled by one queue, inserted in the
-- same transaction as the handler's effects, so a redelivered event is recognised and skipped.
-- The key includes the queue: two routes of a service bound to the same event type must each
-- apply it once.
CREATE TABLE inbound_event (
    queue       text        NOT NULL,
    event_id    uuid        NOT NULL,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (queue, event_id)
);

CREATE INDEX inbound_event_received_at ON inbound_event (received_at);
