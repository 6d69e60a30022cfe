-- Funders and programmes, calls, applications and their consortia, evaluation, awards and grants, and the préciput
-- ledger. Every invariant the database can hold is here too; the ledger's journal is append-only (triggers).

CREATE FUNCTION commons_calls_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is not allowed: the préciput journal is append-only (correct with a reversing entry)',
        TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TABLE funder (
    id         uuid PRIMARY KEY,
    siren      char(9)      NOT NULL UNIQUE CHECK (siren ~ '^[0-9]{9}$'),
    name       varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    created_at timestamptz  NOT NULL
);

CREATE TABLE programme (
    id            uuid PRIMARY KEY,
    funder_id     uuid         NOT NULL REFERENCES funder (id),
    name          varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    -- fraction of an innovation project's funding levied into the préciput fund (0.05 = 5 %)
    preciput_rate numeric(5, 4) NOT NULL CHECK (preciput_rate >= 0 AND preciput_rate <= 1),
    created_at    timestamptz  NOT NULL,
    UNIQUE (funder_id, name)
);

CREATE TABLE call (
    id                      uuid PRIMARY KEY,
    funder_id               uuid           NOT NULL REFERENCES funder (id),
    programme_id            uuid           REFERENCES programme (id),
    kind                    text           NOT NULL CHECK (kind IN ('COMMONS', 'INNOVATION')),
    title                   varchar(300)   NOT NULL CHECK (btrim(title) <> ''),
    description             varchar(10000) NOT NULL DEFAULT '',
    budget                  numeric(14, 2) NOT NULL CHECK (budget > 0),
    max_grant               numeric(14, 2) NOT NULL CHECK (max_grant > 0),
    min_grant               numeric(14, 2) NOT NULL CHECK (min_grant >= 0),
    cofunding_rate          numeric(5, 4)  NOT NULL CHECK (cofunding_rate > 0 AND cofunding_rate <= 1),
    opens_at                timestamptz    NOT NULL,
    closes_at               timestamptz    NOT NULL,
    decision_date           date           NOT NULL,
    applicant_types         text[]         NOT NULL,
    min_consortium_size     integer        NOT NULL CHECK (min_consortium_size BETWEEN 1 AND 50),
    territorial_scope       text[]         NOT NULL DEFAULT '{}',
    commons_kinds           text[]         NOT NULL,
    required_declarations   text[]         NOT NULL DEFAULT '{}',
    reviews_per_application integer        NOT NULL CHECK (reviews_per_application BETWEEN 1 AND 10),
    criteria                jsonb          NOT NULL,
    status                  text           NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED', 'UNDER_EVALUATION', 'DECIDED')),
    -- sum of the awards granted: never beyond the budget
    awarded_total           numeric(14, 2) NOT NULL DEFAULT 0 CHECK (awarded_total >= 0),
    version                 bigint         NOT NULL DEFAULT 0,
    created_at              timestamptz    NOT NULL,
    opened_at               timestamptz,
    decided_at              timestamptz,
    CHECK (min_grant <= max_grant AND max_grant <= budget),
    CHECK (opens_at < closes_at),
    CHECK (awarded_total <= budget),
    -- an innovation call is levied at its programme's rate
    CHECK (kind = 'COMMONS' OR programme_id IS NOT NULL),
    CHECK (cardinality(applicant_types) > 0 AND cardinality(commons_kinds) > 0)
);

CREATE TABLE application (
    id                     uuid PRIMARY KEY,
    call_id                uuid           NOT NULL REFERENCES call (id),
    status                 text           NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'ELIGIBLE', 'INELIGIBLE',
                                              'AWARDED', 'WAITLISTED', 'REJECTED', 'WITHDRAWN')),
    lead_siren             char(9)        NOT NULL CHECK (lead_siren ~ '^[0-9]{9}$'),
    created_by             varchar(200)   NOT NULL,
    content                jsonb          NOT NULL,
    requested_amount       numeric(14, 2) NOT NULL CHECK (requested_amount > 0),
    commons_title          varchar(300)   NOT NULL,
    commons_kind           text           NOT NULL CHECK (commons_kind IN ('STANDARD', 'SOFTWARE', 'ALGORITHM',
                                              'COLLABORATIVE_DATABASE', 'METHOD')),
    roadmap_id             uuid,
    roadmap_item_id        uuid,
    automatic_findings     jsonb          NOT NULL DEFAULT '[]',
    eligibility_reason     varchar(2000),
    decision_reason        varchar(2000),
    consensus_score        numeric(7, 3),
    consensus_comment      varchar(4000),
    rank                   integer,
    version                bigint         NOT NULL DEFAULT 0,
    created_at             timestamptz    NOT NULL,
    submitted_at           timestamptz,
    CHECK ((roadmap_id IS NULL) = (roadmap_item_id IS NULL)),
    CHECK (status = 'DRAFT' OR status = 'WITHDRAWN' OR submitted_at IS NOT NULL)
);
CREATE INDEX application_call_idx ON application (call_id);

-- lead and members by SIREN: one row per organisation, the lead included
CREATE TABLE consortium_member (
    application_id uuid         NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    siren          char(9)      NOT NULL CHECK (siren ~ '^[0-9]{9}$'),
    name           varchar(200) NOT NULL,
    type           text         NOT NULL,
    role           text         NOT NULL CHECK (role IN ('LEAD', 'MEMBER')),
    position       integer      NOT NULL,
    PRIMARY KEY (application_id, siren)
);
CREATE UNIQUE INDEX consortium_one_lead_uq ON consortium_member (application_id) WHERE role = 'LEAD';
CREATE INDEX consortium_member_siren_idx ON consortium_member (siren);

CREATE TABLE assignment (
    id                uuid PRIMARY KEY,
    application_id    uuid         NOT NULL REFERENCES application (id),
    evaluator_subject varchar(200) NOT NULL,
    evaluator_siren   char(9)      NOT NULL CHECK (evaluator_siren ~ '^[0-9]{9}$'),
    status            text         NOT NULL CHECK (status IN ('ASSIGNED', 'SUBMITTED', 'CONFLICT_DECLARED')),
    conflict_reason   varchar(2000),
    scores            jsonb,
    total             numeric(7, 3),
    assigned_at       timestamptz  NOT NULL,
    submitted_at      timestamptz,
    UNIQUE (application_id, evaluator_subject),
    CHECK ((status = 'SUBMITTED') = (scores IS NOT NULL AND total IS NOT NULL))
);

CREATE TABLE award (
    id             uuid PRIMARY KEY,
    application_id uuid           NOT NULL UNIQUE REFERENCES application (id),
    call_id        uuid           NOT NULL REFERENCES call (id),
    amount         numeric(14, 2) NOT NULL CHECK (amount > 0),
    rank           integer,
    reason         varchar(2000)  NOT NULL,
    granted_at     timestamptz    NOT NULL,
    agreement_signed_on date,
    agreement_reference varchar(200)
);

CREATE TABLE tranche (
    id          uuid PRIMARY KEY,
    award_id    uuid           NOT NULL REFERENCES award (id),
    position    integer        NOT NULL,
    kind        text           NOT NULL CHECK (kind IN ('PRE_FINANCING', 'MILESTONE', 'FINAL')),
    amount      numeric(14, 2) NOT NULL CHECK (amount > 0),
    condition   varchar(2000)  NOT NULL,
    due_on      date,
    status      text           NOT NULL CHECK (status IN ('PLANNED', 'PAID')),
    paid_amount numeric(14, 2) CHECK (paid_amount > 0),
    paid_on     date,
    payment_reference varchar(200),
    UNIQUE (award_id, position),
    CHECK ((status = 'PAID') = (paid_amount IS NOT NULL AND paid_on IS NOT NULL)),
    CHECK (paid_amount IS NULL OR paid_amount = amount)
);

CREATE TABLE tranche_report (
    id           uuid PRIMARY KEY,
    tranche_id   uuid          NOT NULL REFERENCES tranche (id),
    title        varchar(300)  NOT NULL,
    summary      varchar(10000) NOT NULL,
    document_url varchar(500),
    submitted_by varchar(200)  NOT NULL,
    submitted_at timestamptz   NOT NULL
);

-- ---- préciput ledger -------------------------------------------------------------------------------------------

-- one row per account, with its running balance on its normal side: FUND (the préciput fund, credit-normal),
-- PROGRAMME:<uuid> (what a programme contributed, debit-normal), BENEFICIARY:<siren> (what an organisation received,
-- credit-normal). No balance goes below zero, which is what stops an allocation beyond the fund's balance.
CREATE TABLE ledger_account (
    code        varchar(100)   PRIMARY KEY,
    kind        text           NOT NULL CHECK (kind IN ('FUND', 'PROGRAMME', 'BENEFICIARY')),
    normal_side text           NOT NULL CHECK (normal_side IN ('DEBIT', 'CREDIT')),
    name        varchar(300)   NOT NULL,
    balance     numeric(16, 2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
    CHECK ((kind = 'PROGRAMME') = (normal_side = 'DEBIT'))
);
INSERT INTO ledger_account (code, kind, normal_side, name) VALUES ('FUND', 'FUND', 'CREDIT', 'Fonds du préciput');

CREATE TABLE ledger_transaction (
    id                uuid PRIMARY KEY,
    seq               bigserial      NOT NULL UNIQUE,
    kind              text           NOT NULL CHECK (kind IN ('LEVY', 'ALLOCATION', 'REVERSAL')),
    amount            numeric(14, 2) NOT NULL CHECK (amount > 0),
    year              integer        NOT NULL CHECK (year >= 2000),
    occurred_at       timestamptz    NOT NULL,
    actor             varchar(200)   NOT NULL,
    -- levies
    programme_id      uuid           REFERENCES programme (id),
    funder_siren      char(9),
    project_reference varchar(200),
    project_funding   numeric(14, 2),
    rate              numeric(5, 4),
    source            text           CHECK (source IN ('AWARD', 'FILE_IMPORT', 'API_IMPORT')),
    import_id         uuid,
    -- allocations
    purpose           text           CHECK (purpose IN ('MUTUALISATION_STRUCTURE', 'COMMONS_AWARD', 'REPLICATION_SUPPORT')),
    initiative_id     uuid,
    award_id          uuid,
    beneficiary_siren char(9),
    beneficiary_name  varchar(300),
    reason            varchar(2000),
    -- reversals
    reverses          uuid           UNIQUE REFERENCES ledger_transaction (id),
    CHECK ((kind = 'LEVY') = (programme_id IS NOT NULL AND project_reference IS NOT NULL AND project_funding IS NOT NULL
                              AND rate IS NOT NULL AND source IS NOT NULL)),
    CHECK ((kind = 'ALLOCATION') = (purpose IS NOT NULL)),
    CHECK (kind <> 'ALLOCATION' OR beneficiary_siren IS NOT NULL),
    CHECK ((kind = 'REVERSAL') = (reverses IS NOT NULL)),
    CHECK (purpose IS DISTINCT FROM 'REPLICATION_SUPPORT' OR initiative_id IS NOT NULL)
);
-- one levy per project of a programme: the idempotency of imports, whatever the file
CREATE UNIQUE INDEX ledger_levy_project_uq ON ledger_transaction (programme_id, project_reference) WHERE kind = 'LEVY';
CREATE INDEX ledger_transaction_year_idx ON ledger_transaction (year);

CREATE TABLE ledger_entry (
    id             bigserial PRIMARY KEY,
    transaction_id uuid           NOT NULL REFERENCES ledger_transaction (id),
    account        varchar(100)   NOT NULL REFERENCES ledger_account (code),
    side           text           NOT NULL CHECK (side IN ('DEBIT', 'CREDIT')),
    amount         numeric(14, 2) NOT NULL CHECK (amount > 0)
);
CREATE INDEX ledger_entry_transaction_idx ON ledger_entry (transaction_id);
CREATE INDEX ledger_entry_account_idx ON ledger_entry (account);

CREATE TRIGGER ledger_transaction_append_only BEFORE UPDATE OR DELETE ON ledger_transaction
    FOR EACH ROW EXECUTE FUNCTION commons_calls_refuse_change();
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION commons_calls_refuse_change();
CREATE TRIGGER ledger_transaction_no_truncate BEFORE TRUNCATE ON ledger_transaction
    FOR EACH STATEMENT EXECUTE FUNCTION commons_calls_refuse_change();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION commons_calls_refuse_change();

-- every transaction balances (debits = credits), checked at commit once all its entries are written
CREATE FUNCTION commons_calls_transaction_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    debits  numeric;
    credits numeric;
BEGIN
    SELECT coalesce(sum(amount) FILTER (WHERE side = 'DEBIT'), 0), coalesce(sum(amount) FILTER (WHERE side = 'CREDIT'), 0)
      INTO debits, credits FROM ledger_entry WHERE transaction_id = NEW.transaction_id;
    IF debits <> credits THEN
        RAISE EXCEPTION 'journal transaction % does not balance: debits % <> credits %', NEW.transaction_id, debits, credits;
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER ledger_entry_balanced AFTER INSERT ON ledger_entry DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION commons_calls_transaction_balances();

-- funder files and API imports: the same content (SHA-256) is levied once
CREATE TABLE preciput_import (
    id          uuid PRIMARY KEY,
    source      text         NOT NULL CHECK (source IN ('FILE_IMPORT', 'API_IMPORT')),
    file_name   varchar(300) NOT NULL,
    sha256      char(64)     NOT NULL,
    status      text         NOT NULL CHECK (status IN ('APPLIED', 'REJECTED')),
    line_count  integer      NOT NULL,
    levied      integer      NOT NULL,
    duplicates  integer      NOT NULL,
    errors      jsonb        NOT NULL DEFAULT '[]',
    actor       varchar(200) NOT NULL,
    imported_at timestamptz  NOT NULL
);
CREATE UNIQUE INDEX preciput_import_applied_uq ON preciput_import (sha256) WHERE status = 'APPLIED';
