-- A block body may now be written before its block_index row: a body checked ahead of the import
-- (signatures verified while the previous block is written) is stored then, in its own transaction,
-- so the connect transaction no longer carries its 2 MiB. Bodies are content-addressed (the id is
-- the header's hash, whose merkle root the body rules checked), so a body whose block never gets a
-- row is inert; status DATA_AVAILABLE, which the connect transaction sets, is what says a block's
-- body is there.
ALTER TABLE block_body DROP CONSTRAINT IF EXISTS block_body_id_fkey;
-- The transaction index is written in the same transaction as its block's row; the per-row check
-- (390 trigger queries for a full block) guarded nothing that transaction does not already.
ALTER TABLE chain_transactions DROP CONSTRAINT IF EXISTS chain_transactions_block_id_fkey;
