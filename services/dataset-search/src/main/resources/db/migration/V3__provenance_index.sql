-- dataset_provenance_dataset_idx duplicated the leading column of the primary key (dataset_id, source_id,
-- record_key), which already serves look-ups and cascades by dataset: one index less to maintain on every
-- provenance row a harvest writes.
DROP INDEX dataset_provenance_dataset_idx;
