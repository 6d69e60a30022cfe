-- Tables of the test "service" (EventsTestApplication); run after the platform's V0_x migrations.
CREATE TABLE test_aggregate (id int PRIMARY KEY, seq int NOT NULL DEFAULT 0);
INSERT INTO test_aggregate (id) SELECT generate_series(1, 200);

CREATE TABLE processed (
    processing_order bigserial PRIMARY KEY,
    event_id         uuid NOT NULL,
    aggregate_id     text NOT NULL,
    seq              int  NOT NULL
);

-- A table with personal data and a unique key, for failures whose database message quotes a value.
CREATE TABLE person (email text NOT NULL CONSTRAINT person_email_key UNIQUE);
INSERT INTO person (email) VALUES ('jean.dupont@example.fr');
