-- Idempotent consumer (libs/platform): one row per event handled, inserted in the same
-- transaction as the handler's effects, so a redelivered event is recognised and skipped.
CREATE TABLE inbound_event (
    event_id    uuid        PRIMARY KEY,
    type        text        NOT NULL,
    queue       text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX inbound_event_received_at ON inbound_event (received_at);
