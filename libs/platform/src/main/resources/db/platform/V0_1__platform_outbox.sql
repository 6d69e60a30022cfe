-- Transactional outbox (libs/platform): written in the same transaction as the change it
-- announces, relayed to the broker by OutboxRelayRoute. Platform migrations use versions below 1
-- so that they run before a service's own V1.. migrations in the same schema history.
CREATE TABLE outbox_event (
    position       bigserial   PRIMARY KEY,
    event_id       uuid        NOT NULL UNIQUE,
    aggregate_type text        NOT NULL CHECK (length(aggregate_type) BETWEEN 1 AND 100),
    aggregate_id   text        NOT NULL CHECK (length(aggregate_id) BETWEEN 1 AND 200),
    type           text        NOT NULL CHECK (type ~ '^fr\.dataterritoires\.[a-z0-9][a-z0-9-]*\.[A-Za-z][A-Za-z0-9_-]*\.v[0-9]+$'),
    payload        jsonb       NOT NULL,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    published_at   timestamptz
);

-- The relay only ever reads unpublished rows in position order.
CREATE INDEX outbox_event_unpublished ON outbox_event (position) WHERE published_at IS NULL;
-- Retention cleanup of published rows.
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;
