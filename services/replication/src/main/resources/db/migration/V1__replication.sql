-- Initiatives (successful experiments) and their maturity steps, the acceleration programme (calls for candidates,
-- candidacies and jury scores, cohorts), support received, and replications with their lineage. Every invariant the
-- database can hold is here too; the domain holds them first.

CREATE FUNCTION replication_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is not allowed: this history is append-only', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TABLE initiative (
    id            uuid PRIMARY KEY,
    lead_siren    char(9)      NOT NULL CHECK (lead_siren ~ '^[0-9]{9}$'),
    title         varchar(300) NOT NULL CHECK (btrim(title) <> ''),
    policy_domain varchar(100) NOT NULL CHECK (btrim(policy_domain) <> ''),
    maturity      text         NOT NULL CHECK (maturity IN ('EXPERIMENT', 'VALIDATED', 'ACCELERATED', 'REPLICATED',
                                                            'SUSTAINED')),
    -- level:code keys (commune:69123, epci:200046977...), for territory look-ups
    territories   text[]       NOT NULL,
    content       jsonb        NOT NULL,
    created_at    timestamptz  NOT NULL,
    validated_at  timestamptz,
    version       bigint       NOT NULL DEFAULT 0 CHECK (version >= 0),
    CHECK ((maturity = 'EXPERIMENT') = (validated_at IS NULL))
);
CREATE INDEX initiative_territories_idx ON initiative USING gin (territories);
CREATE INDEX initiative_lead_idx ON initiative (lead_siren);

-- every step up, with its justification and the evidence checked; append-only
CREATE TABLE maturity_step (
    initiative_id uuid          NOT NULL REFERENCES initiative (id),
    seq           int           NOT NULL CHECK (seq BETWEEN 1 AND 4),
    from_maturity text          NOT NULL,
    to_maturity   text          NOT NULL,
    taken_at      timestamptz   NOT NULL,
    actor         varchar(200)  NOT NULL,
    justification varchar(2000) NOT NULL CHECK (btrim(justification) <> ''),
    evidence      jsonb         NOT NULL CHECK (jsonb_typeof(evidence) = 'array' AND jsonb_array_length(evidence) > 0),
    PRIMARY KEY (initiative_id, seq),
    -- one step up at a time, in order
    CHECK ((from_maturity, to_maturity, seq) IN (('EXPERIMENT', 'VALIDATED', 1), ('VALIDATED', 'ACCELERATED', 2),
                                                  ('ACCELERATED', 'REPLICATED', 3), ('REPLICATED', 'SUSTAINED', 4)))
);
CREATE TRIGGER maturity_step_append_only BEFORE UPDATE OR DELETE ON maturity_step
    FOR EACH ROW EXECUTE FUNCTION replication_refuse_change();

-- an award of commons-calls tracks one initiative
CREATE TABLE initiative_award (
    award_id      uuid PRIMARY KEY,
    initiative_id uuid        NOT NULL REFERENCES initiative (id),
    received_at   timestamptz NOT NULL
);
CREATE INDEX initiative_award_initiative_idx ON initiative_award (initiative_id);

CREATE TABLE candidate_call (
    id            uuid PRIMARY KEY,
    title         varchar(300) NOT NULL CHECK (btrim(title) <> ''),
    -- description, published criteria and jury
    content       jsonb        NOT NULL,
    opens_on      date         NOT NULL,
    closes_on     date         NOT NULL CHECK (closes_on >= opens_on),
    capacity      int          NOT NULL CHECK (capacity BETWEEN 1 AND 100),
    minimum_score numeric(3, 2) NOT NULL CHECK (minimum_score BETWEEN 0 AND 5),
    support_start date         NOT NULL CHECK (support_start > closes_on),
    support_end   date         NOT NULL CHECK (support_end > support_start),
    status        text         NOT NULL CHECK (status IN ('OPEN', 'SELECTED')),
    version       bigint       NOT NULL DEFAULT 0 CHECK (version >= 0),
    CHECK (content ? 'criteria' AND content -> 'criteria' @> '[{"code": "SCALABILITY"}]')
);

CREATE TABLE candidacy (
    id            uuid PRIMARY KEY,
    call_id       uuid          NOT NULL REFERENCES candidate_call (id),
    initiative_id uuid          NOT NULL REFERENCES initiative (id),
    motivation    varchar(4000) NOT NULL CHECK (btrim(motivation) <> ''),
    submitted_at  timestamptz   NOT NULL,
    scores        jsonb         NOT NULL DEFAULT '{}',
    status        text          NOT NULL CHECK (status IN ('SUBMITTED', 'SELECTED', 'NOT_SELECTED')),
    score         numeric(3, 2) CHECK (score BETWEEN 0 AND 5),
    rank          int           CHECK (rank >= 1),
    version       bigint        NOT NULL DEFAULT 0 CHECK (version >= 0),
    UNIQUE (call_id, initiative_id),
    CHECK ((status = 'SUBMITTED') = (rank IS NULL))
);

CREATE TABLE cohort (
    id            uuid PRIMARY KEY,
    call_id       uuid         NOT NULL UNIQUE REFERENCES candidate_call (id),
    name          varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    support_start date         NOT NULL,
    support_end   date         NOT NULL CHECK (support_end > support_start)
);

CREATE TABLE cohort_member (
    cohort_id     uuid NOT NULL REFERENCES cohort (id),
    initiative_id uuid NOT NULL REFERENCES initiative (id),
    PRIMARY KEY (cohort_id, initiative_id)
);
CREATE INDEX cohort_member_initiative_idx ON cohort_member (initiative_id);

CREATE TABLE replication (
    id             uuid PRIMARY KEY,
    initiative_id  uuid          NOT NULL REFERENCES initiative (id),
    based_on       uuid,
    adopter_siren  char(9)       NOT NULL CHECK (adopter_siren ~ '^[0-9]{9}$'),
    territories    text[]        NOT NULL CHECK (cardinality(territories) BETWEEN 1 AND 200),
    status         text          NOT NULL CHECK (status IN ('INTERESTED', 'PLANNED', 'IN_PROGRESS', 'LIVE', 'ABANDONED')),
    interested_on  date          NOT NULL,
    planned_start  date,
    started_on     date,
    live_on        date,
    abandoned_on   date,
    abandon_reason varchar(2000),
    shared_costs   jsonb         NOT NULL DEFAULT '[]',
    outcomes       jsonb         NOT NULL DEFAULT '[]',
    version        bigint        NOT NULL DEFAULT 0 CHECK (version >= 0),
    UNIQUE (initiative_id, id),
    -- a replica is based on a replica of the same initiative
    FOREIGN KEY (initiative_id, based_on) REFERENCES replication (initiative_id, id),
    CHECK (based_on IS NULL OR based_on <> id),
    CHECK ((status = 'ABANDONED') = (abandon_reason IS NOT NULL AND abandoned_on IS NOT NULL)),
    CHECK (status NOT IN ('PLANNED', 'IN_PROGRESS', 'LIVE') OR planned_start IS NOT NULL),
    CHECK (status NOT IN ('IN_PROGRESS', 'LIVE') OR started_on IS NOT NULL),
    CHECK ((status = 'LIVE') = (live_on IS NOT NULL)),
    CHECK (live_on IS NULL OR live_on >= started_on)
);
CREATE INDEX replication_initiative_idx ON replication (initiative_id);
CREATE INDEX replication_territories_idx ON replication USING gin (territories);

-- the lineage stays a tree: a replication never descends from itself
CREATE FUNCTION replication_refuse_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    current uuid := NEW.based_on;
    depth   int := 0;
BEGIN
    WHILE current IS NOT NULL LOOP
        IF current = NEW.id THEN
            RAISE EXCEPTION 'replication % would descend from itself', NEW.id USING ERRCODE = 'check_violation';
        END IF;
        depth := depth + 1;
        IF depth > 10000 THEN
            RAISE EXCEPTION 'replication lineage too deep' USING ERRCODE = 'check_violation';
        END IF;
        SELECT based_on INTO current FROM replication WHERE id = current;
    END LOOP;
    RETURN NEW;
END;
$$;
CREATE TRIGGER replication_lineage_acyclic BEFORE INSERT OR UPDATE OF based_on ON replication
    FOR EACH ROW EXECUTE FUNCTION replication_refuse_cycle();

CREATE TABLE support_action (
    id             uuid PRIMARY KEY,
    initiative_id  uuid          NOT NULL REFERENCES initiative (id),
    replication_id uuid,
    cohort_id      uuid          REFERENCES cohort (id),
    kind           text          NOT NULL CHECK (kind IN ('FUNDING', 'PRECIPUT_ALLOCATION', 'COMMONS_AWARD', 'MENTORING',
                                                          'EXPERTISE')),
    provider_siren char(9)       NOT NULL CHECK (provider_siren ~ '^[0-9]{9}$'),
    provider_name  varchar(300),
    amount         numeric(14, 2) CHECK (amount > 0),
    received_on    date          NOT NULL,
    description    varchar(2000),
    -- the préciput allocation or award it came from: one support per source
    source_ref     varchar(100),
    recorded_at    timestamptz   NOT NULL,
    FOREIGN KEY (initiative_id, replication_id) REFERENCES replication (initiative_id, id),
    UNIQUE (kind, source_ref),
    CHECK ((kind IN ('FUNDING', 'PRECIPUT_ALLOCATION', 'COMMONS_AWARD')) = (amount IS NOT NULL))
);
CREATE INDEX support_action_initiative_idx ON support_action (initiative_id);
