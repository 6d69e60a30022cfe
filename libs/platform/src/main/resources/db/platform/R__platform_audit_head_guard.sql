-- The audit head's guard (first defined in V0_3): the head only moves forward, onto records that exist and form an
-- unbroken chain from the old head. Since one update may now move it over a whole batch of appended records
-- (AuditTrail.recordAll: one head update per batch instead of one per record, which made a harvest batch's audit
-- 200 updates), the guard checks every record in between: consecutive numbers, each linked to the previous one's hash,
-- the first to the old head's, and the new head's hash is the last record's. Repeatable (CREATE OR REPLACE): applied
-- after the versioned migrations, on new and existing databases alike.
CREATE OR REPLACE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    linked bigint;
BEGIN
    IF TG_OP <> 'UPDATE' THEN
        RAISE EXCEPTION 'audit_head: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.last_seq <= OLD.last_seq THEN
        RAISE EXCEPTION 'audit_head may only advance' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT count(*) INTO linked
      FROM audit_record r
      LEFT JOIN audit_record p ON p.seq = r.seq - 1 AND r.seq > OLD.last_seq + 1
     WHERE r.seq > OLD.last_seq AND r.seq <= NEW.last_seq
       AND r.prev_hash = CASE WHEN r.seq = OLD.last_seq + 1 THEN OLD.last_hash ELSE p.hash END;
    IF linked <> NEW.last_seq - OLD.last_seq
       OR NOT EXISTS (SELECT 1 FROM audit_record r WHERE r.seq = NEW.last_seq AND r.hash = NEW.last_hash) THEN
        RAISE EXCEPTION 'audit_head may only advance over appended records that chain from it'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
