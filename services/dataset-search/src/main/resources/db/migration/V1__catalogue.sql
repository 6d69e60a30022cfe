-- The stored catalogue (source of truth; the search index is a projection rebuilt from it) and the harvest records.

CREATE TABLE harvest_source (
    id                   text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name                 text        NOT NULL CHECK (btrim(name) <> ''),
    kind                 text        NOT NULL CHECK (kind IN ('DCAT', 'CSW', 'DATAGOUV', 'CKAN')),
    url                  text        NOT NULL CHECK (url ~* '^https?://'),
    schedule             text,
    enabled              boolean     NOT NULL DEFAULT true,
    default_access_level text        NOT NULL DEFAULT 'OPEN'
                                     CHECK (default_access_level IN ('OPEN', 'SHARED', 'RESTRICTED')),
    default_producer     jsonb,
    created              timestamptz NOT NULL DEFAULT now(),
    updated              timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE dataset (
    id                    uuid PRIMARY KEY,
    status                text        NOT NULL CHECK (status IN ('PUBLISHED', 'WITHDRAWN')),
    -- merged view shown to readers; a withdrawn dataset keeps its last one (410 answers, identity matching)
    description           jsonb       NOT NULL,
    title                 text        NOT NULL,
    -- normalised identity (trimmed, lower-case scheme and host, no trailing slash) of the merged view
    source_uri            text        NOT NULL,
    landing_page          text,
    priority_declarations integer     NOT NULL DEFAULT 0 CHECK (priority_declarations >= 0),
    national_priority     boolean     NOT NULL DEFAULT false,
    access_requests       integer     NOT NULL DEFAULT 0 CHECK (access_requests >= 0),
    created               timestamptz NOT NULL,
    withdrawn_at          timestamptz,
    version               bigint      NOT NULL DEFAULT 0 CHECK (version >= 0),
    CHECK ((status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL))
);
CREATE INDEX dataset_source_uri_idx ON dataset (source_uri);
CREATE INDEX dataset_landing_page_idx ON dataset (landing_page) WHERE landing_page IS NOT NULL;
CREATE INDEX dataset_published_idx ON dataset (id) WHERE status = 'PUBLISHED';

CREATE TABLE dataset_provenance (
    dataset_id   uuid        NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    source_id    text        NOT NULL REFERENCES harvest_source (id),
    record_key   text        NOT NULL CHECK (btrim(record_key) <> ''),
    description  jsonb       NOT NULL,
    -- normalised identity of what this source says, to merge the same dataset seen in several sources
    source_uri   text        NOT NULL,
    landing_page text,
    first_seen   timestamptz NOT NULL,
    last_seen    timestamptz NOT NULL CHECK (last_seen >= first_seen),
    PRIMARY KEY (dataset_id, source_id, record_key),
    UNIQUE (source_id, record_key)
);
CREATE INDEX dataset_provenance_dataset_idx ON dataset_provenance (dataset_id);
CREATE INDEX dataset_provenance_source_uri_idx ON dataset_provenance (source_uri);
CREATE INDEX dataset_provenance_landing_page_idx ON dataset_provenance (landing_page) WHERE landing_page IS NOT NULL;

CREATE TABLE harvest_run (
    id        uuid PRIMARY KEY,
    source_id text        NOT NULL REFERENCES harvest_source (id),
    trigger   text        NOT NULL CHECK (trigger IN ('SCHEDULE', 'ON_DEMAND')),
    actor     text        NOT NULL,
    started   timestamptz NOT NULL,
    finished  timestamptz,
    -- last sign of life of a running run: a run silent for too long was abandoned (crash) and may be superseded
    heartbeat timestamptz NOT NULL,
    status    text        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    created   integer     NOT NULL DEFAULT 0 CHECK (created >= 0),
    updated   integer     NOT NULL DEFAULT 0 CHECK (updated >= 0),
    unchanged integer     NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
    withdrawn integer     NOT NULL DEFAULT 0 CHECK (withdrawn >= 0),
    failed    integer     NOT NULL DEFAULT 0 CHECK (failed >= 0),
    error     text,
    CHECK ((status = 'RUNNING') = (finished IS NULL)),
    CHECK (finished IS NULL OR finished >= started),
    CHECK (status <> 'FAILED' OR error IS NOT NULL)
);
-- one run at a time per source
CREATE UNIQUE INDEX harvest_run_one_running_idx ON harvest_run (source_id) WHERE status = 'RUNNING';
CREATE INDEX harvest_run_source_idx ON harvest_run (source_id, started DESC);

CREATE TABLE harvest_failure (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id     uuid        NOT NULL REFERENCES harvest_run (id) ON DELETE CASCADE,
    record_key text        NOT NULL,
    raw        text,
    reason     text        NOT NULL CHECK (btrim(reason) <> ''),
    at         timestamptz NOT NULL
);
CREATE INDEX harvest_failure_run_idx ON harvest_failure (run_id, id);
