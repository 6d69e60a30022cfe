-- Deliveries of an event this queue had already handled (an ack lost when a consumer was killed
-- between its commit and its ack, a publication replayed by a relay that crashed before marking
-- it), counted on the event's row in the transaction that recognised them: the figures of events
-- received and duplicated (make e2e, operators after an incident) outlive the process's metrics.
ALTER TABLE inbound_event ADD COLUMN duplicates integer NOT NULL DEFAULT 0 CHECK (duplicates >= 0);
