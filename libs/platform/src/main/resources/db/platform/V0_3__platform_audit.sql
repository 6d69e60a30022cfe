-- Append-only audit trail with a SHA-256 hash chain (libs/platform AuditTrail/AuditVerifier).
CREATE TABLE audit_record (
    seq         bigint      PRIMARY KEY CHECK (seq > 0),
    occurred_at timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    target_type text        NOT NULL,
    target_id   text        NOT NULL,
    before      jsonb,
    after       jsonb,
    prev_hash   char(64)    NOT NULL,
    hash        char(64)    NOT NULL UNIQUE
);

CREATE INDEX audit_record_target ON audit_record (target_type, target_id);

-- Head of the chain: last seq and hash. Appends lock it (serialising the chain) and the verifier
-- compares the chain's end with it, so deleting the last records is detected too.
CREATE TABLE audit_head (
    id        boolean  PRIMARY KEY DEFAULT true CHECK (id),
    last_seq  bigint   NOT NULL,
    last_hash char(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (true, 0, repeat('0', 64));

CREATE FUNCTION audit_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_record_no_update BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_append_only();

-- The head only moves forward, one record at a time, onto a record that exists.
CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' THEN
        RAISE EXCEPTION 'audit_head: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.last_seq <> OLD.last_seq + 1
       OR NOT EXISTS (SELECT 1 FROM audit_record r WHERE r.seq = NEW.last_seq AND r.hash = NEW.last_hash AND r.prev_hash = OLD.last_hash) THEN
        RAISE EXCEPTION 'audit_head may only advance to the next appended record' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_head_guard BEFORE UPDATE OR DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_head_forward_only();

-- Belt and braces: nobody, the owning application role included, holds the privileges (a
-- superuser still could, which is what the hash chain is for).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_record FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_record FROM CURRENT_USER;
REVOKE DELETE, TRUNCATE ON audit_head FROM PUBLIC;
REVOKE DELETE, TRUNCATE ON audit_head FROM CURRENT_USER;
