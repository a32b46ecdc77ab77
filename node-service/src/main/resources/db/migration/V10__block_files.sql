-- Block bodies move out of PostgreSQL into append-only files beside it (storage.BlockFiles; decision
-- "Block bodies live in append-only files beside PostgreSQL"): a row names its body's record by file
-- number and offset. Half of the database's work for a full block was its 2 MiB body (receiving the
-- parameter, TOAST, relation extension). A row may still hold its body inline: rows written before
-- this version, and every row a backup restores (a backup carries the bodies themselves).
ALTER TABLE block_body
    ALTER COLUMN body DROP NOT NULL,
    ADD COLUMN file_no INTEGER,
    ADD COLUMN file_offset BIGINT,
    ADD CONSTRAINT block_body_inline_or_in_a_file CHECK (
        (body IS NOT NULL AND file_no IS NULL AND file_offset IS NULL)
        OR (body IS NULL AND file_no IS NOT NULL AND file_offset IS NOT NULL));

-- Names this database's directory of block files (<numi.chain.block-files>/<store_id>), so two
-- databases (a test's contexts, a restore beside an old node) never write into one file.
CREATE TABLE block_store (
    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    store_id UUID    NOT NULL DEFAULT gen_random_uuid()
);
INSERT INTO block_store DEFAULT VALUES;
