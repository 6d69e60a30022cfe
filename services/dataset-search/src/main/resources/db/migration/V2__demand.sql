-- Demand for datasets: access requests, priority declarations from roadmaps, searches that found nothing.

CREATE TABLE access_request (
    id                 uuid PRIMARY KEY,
    dataset_id         uuid         NOT NULL REFERENCES dataset (id),
    -- producer of the dataset at submission: its organisation answers the request
    producer_siren     char(9)      CHECK (producer_siren ~ '^[0-9]{9}$'),
    organisation_siren char(9)      NOT NULL CHECK (organisation_siren ~ '^[0-9]{9}$'),
    -- minimal personal data: who (token subject), a name and a professional e-mail to answer to
    requester_subject  text         NOT NULL CHECK (btrim(requester_subject) <> ''),
    requester_name     varchar(200) NOT NULL CHECK (btrim(requester_name) <> ''),
    requester_email    varchar(254) NOT NULL CHECK (requester_email LIKE '%_@_%'),
    purpose            varchar(2000) NOT NULL CHECK (btrim(purpose) <> ''),
    wished_start       date         NOT NULL,
    wished_end         date         NOT NULL,
    legal_basis        varchar(500),
    state              text         NOT NULL CHECK (state IN ('SUBMITTED', 'ACKNOWLEDGED', 'GRANTED', 'REFUSED',
                                                              'IMPLICITLY_REFUSED', 'WITHDRAWN')),
    submitted_at       timestamptz  NOT NULL,
    -- legal answer deadline (CRPA R311-13): submission day (Europe/Paris) + 1 month
    deadline           date         NOT NULL,
    acknowledged_at    timestamptz,
    answered_at        timestamptz,
    refusal_reason     varchar(2000),
    -- the dataset's covered territories at submission, and the same with their enclosing territories
    territories        text[]       NOT NULL DEFAULT '{}',
    territory_scope    text[]       NOT NULL DEFAULT '{}',
    version            bigint       NOT NULL DEFAULT 0 CHECK (version >= 0),
    CHECK (wished_end > wished_start),
    CHECK (deadline > (submitted_at AT TIME ZONE 'Europe/Paris')::date),
    CHECK (state <> 'REFUSED' OR btrim(refusal_reason) <> ''),
    CHECK ((state IN ('SUBMITTED', 'ACKNOWLEDGED')) = (answered_at IS NULL)),
    CHECK (state <> 'ACKNOWLEDGED' OR acknowledged_at IS NOT NULL)
);
CREATE INDEX access_request_dataset_idx ON access_request (dataset_id);
CREATE INDEX access_request_requester_idx ON access_request (requester_subject, submitted_at DESC);
CREATE INDEX access_request_producer_idx ON access_request (producer_siren, submitted_at DESC);
CREATE INDEX access_request_open_deadline_idx ON access_request (deadline) WHERE state IN ('SUBMITTED', 'ACKNOWLEDGED');
CREATE INDEX access_request_scope_idx ON access_request USING gin (territory_scope);

CREATE TABLE priority_declaration (
    roadmap_id          varchar(100) NOT NULL CHECK (btrim(roadmap_id) <> ''),
    item_id             varchar(100) NOT NULL CHECK (btrim(item_id) <> ''),
    declared_by         varchar(100) NOT NULL CHECK (btrim(declared_by) <> ''),
    scope               text         NOT NULL CHECK (scope IN ('TERRITORIAL', 'NATIONAL')),
    territories         text[]       NOT NULL DEFAULT '{}',
    territory_scope     text[]       NOT NULL DEFAULT '{}',
    -- null: a dataset still to be produced
    dataset_reference   varchar(2000),
    -- the catalogue entry the reference resolved to; null while unknown
    dataset_id          uuid REFERENCES dataset (id),
    title               varchar(500) NOT NULL CHECK (btrim(title) <> ''),
    -- normalised title, to group declarations of the same dataset to be produced
    title_key           varchar(500) NOT NULL,
    target_access_level text CHECK (target_access_level IN ('OPEN', 'SHARED', 'RESTRICTED')),
    target_date         date,
    last_event_id       uuid         NOT NULL,
    declared_at         timestamptz  NOT NULL,
    recorded_at         timestamptz  NOT NULL,
    -- one declaration per roadmap item: a re-declaration replaces it
    PRIMARY KEY (roadmap_id, item_id),
    CHECK ((scope = 'TERRITORIAL') = (cardinality(territories) > 0)),
    CHECK (dataset_id IS NULL OR dataset_reference IS NOT NULL)
);
CREATE INDEX priority_declaration_dataset_idx ON priority_declaration (dataset_id) WHERE dataset_id IS NOT NULL;
CREATE INDEX priority_declaration_unresolved_idx ON priority_declaration (recorded_at)
    WHERE dataset_id IS NULL AND dataset_reference IS NOT NULL;
CREATE INDEX priority_declaration_scope_idx ON priority_declaration USING gin (territory_scope);

-- Searches that found nothing, counted per normalised query and territory filter; nothing about who searched.
CREATE TABLE unanswered_search (
    query      varchar(200) NOT NULL,
    -- territory filter key, '' when none (part of the key, hence not null)
    territory  varchar(64)  NOT NULL,
    count      bigint       NOT NULL CHECK (count > 0),
    first_seen timestamptz  NOT NULL,
    last_seen  timestamptz  NOT NULL CHECK (last_seen >= first_seen),
    PRIMARY KEY (query, territory)
);
CREATE INDEX unanswered_search_count_idx ON unanswered_search (count DESC);
