-- Room in every page for the next version of a row, so the rows each block rewrites (~800 accounts
-- and ~250 state buckets for a full block, its block_index status, the tip) are updated in place
-- (HOT: no new index entries) instead of moving to another page with a new primary-key entry.
-- Applies to pages written from now on.
ALTER TABLE accounts SET (fillfactor = 80);
ALTER TABLE state_buckets SET (fillfactor = 50);
ALTER TABLE block_index SET (fillfactor = 90);
ALTER TABLE chain_tip SET (fillfactor = 50);
-- A disconnect deletes its block's transaction rows by txid (the primary key); the index on
-- block_id cost one more index entry per transaction of every block and served nothing else.
DROP INDEX IF EXISTS chain_transactions_block;
