-- Awards of calls for commons (commons-calls' AwardGranted events) linked to a roadmap item: the roadmap's financial
-- section shows them. No foreign key to roadmap_item: items are rewritten on each save of their roadmap, and an
-- award stays even if its item is later removed (as comments do).
CREATE TABLE roadmap_award (
    award_id           uuid          PRIMARY KEY,
    roadmap_id         uuid          NOT NULL REFERENCES roadmap (id),
    item_id            uuid          NOT NULL,
    call_id            varchar(100)  NOT NULL CHECK (length(call_id) > 0),
    call_title         varchar(300),
    funder_siren       char(9)       NOT NULL CHECK (funder_siren ~ '^[0-9]{9}$'),
    beneficiary_sirens varchar(9)[]  NOT NULL CHECK (cardinality(beneficiary_sirens) BETWEEN 1 AND 50),
    amount             numeric(14,2) NOT NULL CHECK (amount > 0),
    currency           char(3)       NOT NULL CHECK (currency = 'EUR'),
    granted_at         timestamptz   NOT NULL,
    received_at        timestamptz   NOT NULL,
    event_id           uuid          NOT NULL
);
CREATE INDEX roadmap_award_item_idx ON roadmap_award (roadmap_id, item_id, granted_at);
