-- Retention of requesters' personal data (DESIGN.md §5): once a request has been closed for the retention period
-- (dataterritoires.demand.requester-retention), a job erases the requester's identity, name and e-mail. The request
-- itself (organisation, purpose, dates, answer) stays for the demand statistics and the audit trail.
ALTER TABLE access_request
    ALTER COLUMN requester_subject DROP NOT NULL,
    ALTER COLUMN requester_name DROP NOT NULL,
    ALTER COLUMN requester_email DROP NOT NULL,
    ADD COLUMN requester_erased_at timestamptz,
    ADD CONSTRAINT access_request_requester_kept_or_erased CHECK (
        CASE WHEN requester_erased_at IS NULL
             THEN requester_subject IS NOT NULL AND requester_name IS NOT NULL AND requester_email IS NOT NULL
             ELSE requester_subject IS NULL AND requester_name IS NULL AND requester_email IS NULL
                  AND state NOT IN ('SUBMITTED', 'ACKNOWLEDGED')
        END);

-- The erasure job's look-up: closed requests whose requester is still known, oldest answer first.
CREATE INDEX access_request_retention_idx ON access_request (answered_at)
    WHERE requester_erased_at IS NULL AND answered_at IS NOT NULL;
