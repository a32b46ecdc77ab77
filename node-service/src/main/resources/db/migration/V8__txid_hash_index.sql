-- Txids are random, so every transaction's entry in a B-tree on its 32 bytes lands on a random page:
-- past a few thousand full blocks that index (~55 bytes an entry) outgrew shared_buffers and its
-- inserts became a third of PostgreSQL's CPU per block (page reads and writes, 8 KB page images in
-- the WAL after each checkpoint). A hash index keeps a 4-byte hash code an entry (~3x smaller) and
-- serves the only lookups made by txid (equality: a transaction by id; a disconnect's txids).
-- Txids are unique on the active chain by consensus (a transfer's sender nonce, a coinbase's
-- height), so the index need not enforce it.
ALTER TABLE chain_transactions DROP CONSTRAINT IF EXISTS chain_transactions_pkey;
CREATE INDEX chain_transactions_txid ON chain_transactions USING hash (txid);
