-- Governance bodies, roadmaps (committee roadmaps and ministerial territorial sections), their items, version
-- history and comments, and national / local priorities. Every invariant the database can hold is here too.

CREATE FUNCTION roadmaps_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is not allowed: this history is append-only', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TABLE governance_body (
    id                 uuid PRIMARY KEY,
    kind               text         NOT NULL CHECK (kind IN ('NATIONAL_INSTANCE', 'REGIONAL_COMMITTEE')),
    region_code        varchar(3)   CHECK (region_code ~ '^[0-9]{2}$'),
    name               varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    -- relevant sub-territory of a committee: level:code keys inside its région
    relevant_territory text[]       NOT NULL DEFAULT '{}',
    version            bigint       NOT NULL DEFAULT 0 CHECK (version >= 0),
    created_at         timestamptz  NOT NULL,
    CHECK ((kind = 'REGIONAL_COMMITTEE') = (region_code IS NOT NULL)),
    CHECK (kind = 'REGIONAL_COMMITTEE' OR cardinality(relevant_territory) = 0)
);
-- one committee per région, one national instance
CREATE UNIQUE INDEX governance_body_region_uq ON governance_body (region_code) WHERE kind = 'REGIONAL_COMMITTEE';
CREATE UNIQUE INDEX governance_body_national_uq ON governance_body (kind) WHERE kind = 'NATIONAL_INSTANCE';

INSERT INTO governance_body (id, kind, region_code, name, created_at)
VALUES ('00000000-0000-0000-0000-000000000001', 'NATIONAL_INSTANCE', NULL, 'Instance nationale de la donnée territoriale',
        now());

-- memberships are never deleted: a member leaves on a date
CREATE TABLE membership (
    id                uuid PRIMARY KEY,
    body_id           uuid         NOT NULL REFERENCES governance_body (id),
    member_kind       text         NOT NULL CHECK (member_kind IN ('ORGANISATION', 'PERSON')),
    siren             char(9)      CHECK (siren ~ '^[0-9]{9}$'),
    organisation_type text         CHECK (organisation_type IN ('LOCAL_AUTHORITY', 'STATE_SERVICE', 'PUBLIC_OPERATOR',
                                          'MUTUALISATION_STRUCTURE', 'ASSOCIATION', 'COMPANY', 'RESEARCH', 'OTHER')),
    name              varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    role              text         NOT NULL CHECK (role IN ('CHAIR', 'MEMBER', 'PREFECTURE_DATA_REFERENT', 'INSEE',
                                          'OPERATOR', 'MUTUALISATION_STRUCTURE', 'CITIZEN_REPRESENTATIVE')),
    joined_on         date         NOT NULL,
    left_on           date,
    position          integer      NOT NULL,
    CHECK ((member_kind = 'ORGANISATION') = (siren IS NOT NULL AND organisation_type IS NOT NULL)),
    CHECK (left_on IS NULL OR left_on >= joined_on),
    UNIQUE (body_id, position)
);
CREATE UNIQUE INDEX membership_one_chair_uq ON membership (body_id) WHERE role = 'CHAIR' AND left_on IS NULL;
CREATE TRIGGER membership_no_delete BEFORE DELETE ON membership FOR EACH ROW EXECUTE FUNCTION roadmaps_refuse_change();

CREATE TABLE roadmap (
    id                       uuid PRIMARY KEY,
    kind                     text         NOT NULL CHECK (kind IN ('COMMITTEE', 'MINISTERIAL')),
    committee_id             uuid         REFERENCES governance_body (id),
    region_code              varchar(3)   CHECK (region_code ~ '^[0-9]{2}$'),
    ministry_code            varchar(30)  CHECK (ministry_code ~ '^[A-Z][A-Z0-9_-]{1,29}$'),
    start_year               integer      NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
    end_year                 integer      NOT NULL CHECK (end_year BETWEEN 2000 AND 2100),
    title                    varchar(300) NOT NULL CHECK (btrim(title) <> ''),
    status                   text         NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW',
                                                                     'CHANGES_REQUESTED', 'ARBITRATED', 'PUBLISHED')),
    changes_requested_reason varchar(4000),
    version                  bigint       NOT NULL CHECK (version >= 1),
    created_at               timestamptz  NOT NULL,
    updated_at               timestamptz  NOT NULL,
    submitted_at             timestamptz,
    published_at             timestamptz,
    CHECK (end_year >= start_year AND end_year - start_year < 10),
    CHECK ((kind = 'COMMITTEE') = (committee_id IS NOT NULL AND region_code IS NOT NULL AND ministry_code IS NULL)),
    CHECK ((kind = 'MINISTERIAL') = (ministry_code IS NOT NULL AND committee_id IS NULL AND region_code IS NULL)),
    CHECK (kind = 'COMMITTEE' OR start_year = end_year),
    CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL)),
    CHECK (status <> 'CHANGES_REQUESTED' OR btrim(changes_requested_reason) <> '')
);
-- one roadmap per committee and period, one section per ministry and year
CREATE UNIQUE INDEX roadmap_committee_period_uq ON roadmap (committee_id, start_year, end_year) WHERE kind = 'COMMITTEE';
CREATE UNIQUE INDEX roadmap_ministry_year_uq ON roadmap (ministry_code, start_year) WHERE kind = 'MINISTERIAL';
CREATE INDEX roadmap_status_idx ON roadmap (status);

CREATE TABLE roadmap_item (
    id             uuid PRIMARY KEY,
    roadmap_id     uuid          NOT NULL REFERENCES roadmap (id),
    -- the parent must be an item of the same roadmap (composite key below)
    parent_id      uuid,
    position       integer       NOT NULL,
    kind           text          NOT NULL CHECK (kind IN ('USE_CASE', 'DATASET', 'ROLE_ALLOCATION', 'FINANCIAL_LINE',
                                                          'ACTION', 'DATA_RETURN', 'NATIONAL_TOOL')),
    title          varchar(500)  NOT NULL CHECK (btrim(title) <> ''),
    description    varchar(8000),
    weight         integer       NOT NULL CHECK (weight BETWEEN 1 AND 100),
    status         text          NOT NULL CHECK (status IN ('PLANNED', 'IN_STUDY', 'IN_PROGRESS', 'COMPLETED', 'ABANDONED')),
    progress       integer       NOT NULL CHECK (progress BETWEEN 0 AND 100),
    -- requested euros (financial line, action) and FTE (action), what was granted
    requested_amount numeric(14, 2) CHECK (requested_amount >= 0),
    requested_fte  numeric(7, 2) CHECK (requested_fte >= 0),
    granted_amount numeric(14, 2) CHECK (granted_amount >= 0),
    granted_fte    numeric(7, 2) CHECK (granted_fte >= 0),
    grant_reason   varchar(2000),
    -- the catalogue dataset a DATASET item names (null: still to be produced)
    dataset_reference varchar(2000),
    content        jsonb         NOT NULL,
    milestones     jsonb         NOT NULL DEFAULT '[]',
    UNIQUE (roadmap_id, id),
    UNIQUE (roadmap_id, position),
    FOREIGN KEY (roadmap_id, parent_id) REFERENCES roadmap_item (roadmap_id, id) DEFERRABLE INITIALLY DEFERRED,
    CHECK (parent_id IS NULL OR parent_id <> id),
    CHECK (status <> 'COMPLETED' OR progress = 100),
    CHECK ((kind IN ('FINANCIAL_LINE', 'ACTION')) = (requested_amount IS NOT NULL)),
    CHECK ((kind = 'ACTION') = (requested_fte IS NOT NULL)),
    CHECK (granted_amount IS NULL OR (kind IN ('FINANCIAL_LINE', 'ACTION') AND granted_amount <= requested_amount
                                      AND btrim(grant_reason) <> '')),
    CHECK (granted_fte IS NULL OR (kind = 'ACTION' AND granted_fte <= requested_fte AND granted_amount IS NOT NULL)),
    CHECK (dataset_reference IS NULL OR kind = 'DATASET')
);
CREATE INDEX roadmap_item_dataset_idx ON roadmap_item (dataset_reference) WHERE dataset_reference IS NOT NULL;

-- every change of a roadmap: its number is the roadmap's version after the change
CREATE TABLE roadmap_version (
    roadmap_id  uuid         NOT NULL REFERENCES roadmap (id),
    number      bigint       NOT NULL CHECK (number >= 1),
    action      varchar(100) NOT NULL,
    actor       text         NOT NULL,
    occurred_at timestamptz  NOT NULL,
    status      text         NOT NULL,
    snapshot    jsonb        NOT NULL,
    PRIMARY KEY (roadmap_id, number)
);
CREATE TRIGGER roadmap_version_append_only BEFORE UPDATE OR DELETE ON roadmap_version
    FOR EACH ROW EXECUTE FUNCTION roadmaps_refuse_change();

CREATE TABLE item_comment (
    id          uuid PRIMARY KEY,
    roadmap_id  uuid          NOT NULL REFERENCES roadmap (id),
    -- no foreign key to the item: comments stay when an item is removed from a draft
    item_id     uuid          NOT NULL,
    author      text          NOT NULL,
    author_name varchar(200)  NOT NULL,
    written_at  timestamptz   NOT NULL,
    text        varchar(4000) NOT NULL CHECK (btrim(text) <> '')
);
CREATE INDEX item_comment_item_idx ON item_comment (roadmap_id, item_id, written_at);

CREATE TABLE priority (
    id                  uuid PRIMARY KEY,
    level               text          NOT NULL CHECK (level IN ('NATIONAL', 'LOCAL')),
    region_code         varchar(3)    CHECK (region_code ~ '^[0-9]{2}$'),
    subject             text          NOT NULL CHECK (subject IN ('DATASET', 'THEME')),
    title               varchar(500)  NOT NULL CHECK (btrim(title) <> ''),
    dataset_reference   varchar(2000),
    theme               varchar(200),
    territories         text[]        NOT NULL DEFAULT '{}',
    target_access_level text          CHECK (target_access_level IN ('OPEN', 'SHARED', 'RESTRICTED')),
    target_date         date,
    declared_by         text          NOT NULL,
    declared_at         timestamptz   NOT NULL,
    CHECK ((level = 'LOCAL') = (region_code IS NOT NULL)),
    CHECK (subject = 'DATASET' OR dataset_reference IS NULL)
);
CREATE INDEX priority_region_idx ON priority (level, region_code, declared_at);
