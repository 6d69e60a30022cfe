-- Host offers, agents' applications, placements with their versioned agreements, the training catalogue and
-- enrolments, and the anonymous statistics that outlive personal data. Every invariant the database can hold is here
-- too: capacity (places_taken kept by trigger, checked against capacity), no double booking of an agent (exclusion
-- constraint on date ranges), states and their required fields.

-- The people the service knows (agents applying or enrolling, elected officials enrolling): the only table holding
-- identities. Erasure empties the identity columns and keeps the row as an anonymous tombstone, so that
-- applications, placements and enrolments keep their foreign keys (and the capacity and overlap rules their data).
CREATE TABLE person (
    id                 uuid PRIMARY KEY,
    subject            varchar(255),
    name               varchar(200),
    email              varchar(320),
    category           varchar(60),
    -- random key copied into the statistics; emptied at erasure so that the statistics cannot be linked back
    statistics_key     uuid,
    last_activity_at   timestamptz  NOT NULL,
    created_at         timestamptz  NOT NULL,
    erased_at          timestamptz,
    version            bigint       NOT NULL DEFAULT 0,
    CHECK ((erased_at IS NULL) = (subject IS NOT NULL AND name IS NOT NULL AND email IS NOT NULL
                                  AND statistics_key IS NOT NULL)),
    CHECK (erased_at IS NULL OR category IS NULL),
    CHECK (name IS NULL OR btrim(name) <> ''),
    CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')
);
CREATE UNIQUE INDEX person_subject_uq ON person (subject) WHERE subject IS NOT NULL;

CREATE TABLE offer (
    id                 uuid PRIMARY KEY,
    host_siren         char(9)      NOT NULL CHECK (host_siren ~ '^[0-9]{9}$'),
    host_type          text         NOT NULL CHECK (host_type IN ('STATE_SERVICE', 'MINISTRY', 'OPERATOR', 'LOCAL_AUTHORITY')),
    host_name          varchar(200) NOT NULL CHECK (btrim(host_name) <> ''),
    region_code        varchar(3)   NOT NULL CHECK (region_code ~ '^[0-9]{2}$'),
    ministry           varchar(30)  CHECK (ministry ~ '^[A-Z][A-Z0-9_-]{1,29}$'),
    title              varchar(300) NOT NULL CHECK (btrim(title) <> ''),
    topics             text[]       NOT NULL CHECK (cardinality(topics) BETWEEN 1 AND 20),
    activities         varchar(4000) NOT NULL CHECK (btrim(activities) <> ''),
    learning_outcomes  varchar(4000) NOT NULL CHECK (btrim(learning_outcomes) <> ''),
    min_days           integer      NOT NULL CHECK (min_days >= 1),
    max_days           integer      NOT NULL,
    capacity           integer      NOT NULL CHECK (capacity BETWEEN 1 AND 100),
    -- accepted placements not cancelled; kept by the placement trigger below
    places_taken       integer      NOT NULL DEFAULT 0,
    work_mode          text         NOT NULL CHECK (work_mode IN ('ON_SITE', 'REMOTE', 'HYBRID')),
    place              varchar(300),
    status             text         NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
    created_by         varchar(255) NOT NULL,
    created_at         timestamptz  NOT NULL,
    published_at       timestamptz,
    closed_at          timestamptz,
    version            bigint       NOT NULL DEFAULT 0,
    CHECK (max_days >= min_days),
    CONSTRAINT offer_places_within_capacity CHECK (places_taken BETWEEN 0 AND capacity),
    CHECK (work_mode = 'REMOTE' OR btrim(place) <> ''),
    CHECK (host_type <> 'LOCAL_AUTHORITY' OR ministry IS NULL),
    CHECK (status = 'DRAFT' OR published_at IS NOT NULL),
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);
CREATE INDEX offer_status_idx ON offer (status);
CREATE INDEX offer_host_idx ON offer (host_siren);

CREATE TABLE offer_window (
    offer_id    uuid    NOT NULL REFERENCES offer (id),
    position    integer NOT NULL,
    start_date  date    NOT NULL,
    end_date    date    NOT NULL,
    PRIMARY KEY (offer_id, position),
    CHECK (end_date >= start_date)
);

CREATE TABLE application (
    id                    uuid PRIMARY KEY,
    offer_id              uuid         NOT NULL REFERENCES offer (id),
    person_id             uuid         NOT NULL REFERENCES person (id),
    start_date            date         NOT NULL,
    end_date              date         NOT NULL,
    motivation            varchar(4000),
    status                text         NOT NULL CHECK (status IN ('SUBMITTED', 'EMPLOYER_APPROVED', 'EMPLOYER_REFUSED',
                                                                  'HOST_REFUSED', 'ACCEPTED', 'WITHDRAWN')),
    -- the employer (an organisation, not personal data): what the statistics and the cross-side rule need
    employer_siren        char(9)      NOT NULL CHECK (employer_siren ~ '^[0-9]{9}$'),
    employer_side         text         NOT NULL CHECK (employer_side IN ('STATE', 'TERRITORIAL')),
    employer_region_code  varchar(3)   NOT NULL CHECK (employer_region_code ~ '^[0-9]{2}$'),
    employer_ministry     varchar(30)  CHECK (employer_ministry ~ '^[A-Z][A-Z0-9_-]{1,29}$'),
    employer_decided_by   varchar(255),
    employer_decided_at   timestamptz,
    employer_reason       varchar(2000),
    host_decided_by       varchar(255),
    host_decided_at       timestamptz,
    host_reason           varchar(2000),
    -- set while the offer was full when the application came or when the host tried to accept it
    waitlisted_at         timestamptz,
    submitted_at          timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    personal_data_erased  boolean      NOT NULL DEFAULT false,
    version               bigint       NOT NULL DEFAULT 0,
    CHECK (end_date >= start_date),
    CHECK (personal_data_erased OR btrim(motivation) <> ''),
    CHECK (personal_data_erased OR status <> 'EMPLOYER_REFUSED' OR btrim(employer_reason) <> ''),
    CHECK (personal_data_erased OR status <> 'HOST_REFUSED' OR btrim(host_reason) <> ''),
    CHECK (status NOT IN ('EMPLOYER_APPROVED', 'EMPLOYER_REFUSED', 'ACCEPTED') OR employer_decided_at IS NOT NULL),
    CHECK (status NOT IN ('HOST_REFUSED', 'ACCEPTED') OR host_decided_at IS NOT NULL),
    CHECK (employer_side <> 'TERRITORIAL' OR employer_ministry IS NULL)
);
CREATE INDEX application_offer_idx ON application (offer_id, status);
CREATE INDEX application_person_idx ON application (person_id);
CREATE INDEX application_employer_idx ON application (employer_siren, status);

CREATE TABLE placement (
    id                    uuid PRIMARY KEY,
    application_id        uuid         NOT NULL UNIQUE REFERENCES application (id),
    offer_id              uuid         NOT NULL REFERENCES offer (id),
    person_id             uuid         NOT NULL REFERENCES person (id),
    start_date            date         NOT NULL,
    end_date              date         NOT NULL,
    direction             text         NOT NULL CHECK (direction IN ('STATE_TO_TERRITORIAL', 'TERRITORIAL_TO_STATE')),
    status                text         NOT NULL CHECK (status IN ('AGREEMENT_PENDING', 'AGREED', 'IN_PROGRESS',
                                                                  'COMPLETED', 'CANCELLED')),
    agreement_version     integer      NOT NULL DEFAULT 0 CHECK (agreement_version >= 0),
    agent_report          varchar(8000),
    agent_reported_at     timestamptz,
    host_feedback         varchar(8000),
    host_feedback_at      timestamptz,
    cancel_reason         varchar(2000),
    started_at            timestamptz,
    completed_at          timestamptz,
    cancelled_at          timestamptz,
    created_at            timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    personal_data_erased  boolean      NOT NULL DEFAULT false,
    version               bigint       NOT NULL DEFAULT 0,
    CHECK (end_date >= start_date),
    CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL)),
    CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
    CHECK (status <> 'COMPLETED' OR (agent_reported_at IS NOT NULL AND host_feedback_at IS NOT NULL)),
    CHECK (personal_data_erased OR agent_reported_at IS NULL OR btrim(agent_report) <> ''),
    CHECK (personal_data_erased OR host_feedback_at IS NULL OR btrim(host_feedback) <> ''),
    CHECK (personal_data_erased OR status <> 'CANCELLED' OR btrim(cancel_reason) <> ''),
    CHECK (status NOT IN ('AGREED', 'IN_PROGRESS', 'COMPLETED') OR agreement_version >= 1)
);
CREATE INDEX placement_offer_idx ON placement (offer_id, status);
CREATE INDEX placement_person_idx ON placement (person_id, status);

-- No double booking: an agent's placements that are not cancelled never overlap. btree_gist is a trusted
-- extension (PostgreSQL 13+): the database owner may create it. Where it is missing, the application's lock on the
-- agent's row (SELECT ... FOR UPDATE before the overlap check) is the only guard, and the log says so.
DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS btree_gist;
    EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'btree_gist unavailable (%): overlaps are guarded by the row lock on the agent only', SQLERRM;
    END;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'btree_gist') THEN
        EXECUTE 'ALTER TABLE placement ADD CONSTRAINT placement_no_overlap EXCLUDE USING gist '
             || '(person_id WITH =, daterange(start_date, end_date, ''[]'') WITH &&) WHERE (status <> ''CANCELLED'')';
    END IF;
END;
$$;

-- places_taken follows the placements that are not cancelled; the CHECK on offer refuses the one too many
CREATE FUNCTION placement_places_taken() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' AND NEW.status <> 'CANCELLED' THEN
        UPDATE offer SET places_taken = places_taken + 1 WHERE id = NEW.offer_id;
    ELSIF TG_OP = 'UPDATE' AND OLD.status <> 'CANCELLED' AND NEW.status = 'CANCELLED' THEN
        UPDATE offer SET places_taken = places_taken - 1 WHERE id = NEW.offer_id;
    ELSIF TG_OP = 'UPDATE' AND OLD.status = 'CANCELLED' AND NEW.status <> 'CANCELLED' THEN
        RAISE EXCEPTION 'a cancelled placement cannot be reopened';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER placement_places_taken AFTER INSERT OR UPDATE OF status ON placement
    FOR EACH ROW EXECUTE FUNCTION placement_places_taken();

-- the exchange agreement: each version with its objectives and the acceptances of the three parties
CREATE TABLE agreement_version (
    placement_id          uuid         NOT NULL REFERENCES placement (id),
    number                integer      NOT NULL CHECK (number >= 1),
    objectives            jsonb,
    proposed_by_party     text         NOT NULL CHECK (proposed_by_party IN ('AGENT', 'EMPLOYER', 'HOST')),
    proposed_at           timestamptz  NOT NULL,
    agent_accepted_at     timestamptz,
    employer_accepted_at  timestamptz,
    host_accepted_at      timestamptz,
    PRIMARY KEY (placement_id, number),
    CHECK (objectives IS NULL OR jsonb_typeof(objectives) = 'array')
);

-- Anonymous facts of each completed exchange: what the reciprocity balance and the reach counts read. No link to a
-- placement or a person; agent_key is the person's statistics_key, which erasure empties on the person's side.
CREATE TABLE exchange_statistic (
    id                       bigserial PRIMARY KEY,
    direction                text        NOT NULL CHECK (direction IN ('STATE_TO_TERRITORIAL', 'TERRITORIAL_TO_STATE')),
    host_siren               char(9)     NOT NULL,
    host_region_code         varchar(3)  NOT NULL,
    employer_siren           char(9)     NOT NULL,
    employer_region_code     varchar(3)  NOT NULL,
    -- the région of the local authority taking part (host or employer), and the ministry on the State side
    territorial_region_code  varchar(3)  NOT NULL,
    state_ministry           varchar(30),
    days                     integer     NOT NULL CHECK (days >= 1),
    completed_on             date        NOT NULL,
    agent_key                uuid        NOT NULL
);
CREATE INDEX exchange_statistic_region_idx ON exchange_statistic (territorial_region_code);

CREATE TABLE training (
    id                         uuid PRIMARY KEY,
    provider                   varchar(200) NOT NULL CHECK (btrim(provider) <> ''),
    title                      varchar(300) NOT NULL CHECK (btrim(title) <> ''),
    description                varchar(4000),
    format                     text         NOT NULL CHECK (format IN ('ONLINE', 'HYBRID', 'COHORT', 'PEER_LEARNING')),
    hours                      integer      NOT NULL CHECK (hours BETWEEN 1 AND 1000),
    competences                text[]       NOT NULL,
    audiences                  text[]       NOT NULL CHECK (cardinality(audiences) >= 1
                                                 AND audiences <@ ARRAY['STATE_AGENT', 'TERRITORIAL_AGENT', 'ELECTED_OFFICIAL']),
    employer_consent_required  boolean      NOT NULL,
    status                     text         NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    created_by                 varchar(255) NOT NULL,
    created_at                 timestamptz  NOT NULL,
    version                    bigint       NOT NULL DEFAULT 0
);

CREATE TABLE enrolment (
    id                 uuid PRIMARY KEY,
    training_id        uuid         NOT NULL REFERENCES training (id),
    person_id          uuid         NOT NULL REFERENCES person (id),
    learner_category   text         NOT NULL CHECK (learner_category IN ('STATE_AGENT', 'TERRITORIAL_AGENT', 'ELECTED_OFFICIAL')),
    employer_siren     char(9)      CHECK (employer_siren ~ '^[0-9]{9}$'),
    region_code        varchar(3)   CHECK (region_code ~ '^[0-9]{2}$'),
    status             text         NOT NULL CHECK (status IN ('AWAITING_CONSENT', 'ENROLLED', 'CONSENT_REFUSED',
                                                               'COMPLETED', 'WITHDRAWN')),
    consent_decided_by varchar(255),
    enrolled_at        timestamptz  NOT NULL,
    completed_at       timestamptz,
    updated_at         timestamptz  NOT NULL,
    version            bigint       NOT NULL DEFAULT 0,
    CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL)),
    CHECK (learner_category = 'ELECTED_OFFICIAL' OR employer_siren IS NOT NULL)
);
-- one live enrolment per person and training
CREATE UNIQUE INDEX enrolment_live_uq ON enrolment (training_id, person_id)
    WHERE status IN ('AWAITING_CONSENT', 'ENROLLED', 'COMPLETED');

CREATE TABLE training_statistic (
    id                bigserial PRIMARY KEY,
    training_id       uuid        NOT NULL REFERENCES training (id),
    format            text        NOT NULL,
    learner_category  text        NOT NULL,
    region_code       varchar(3),
    hours             integer     NOT NULL,
    completed_on      date        NOT NULL,
    learner_key       uuid        NOT NULL
);
