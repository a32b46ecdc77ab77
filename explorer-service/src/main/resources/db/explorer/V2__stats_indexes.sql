-- Indexes of the statistics and lists added with io.numicoin.explorer.stats (docs/explorer.md).

-- Stale blocks newest first (GET /api/v1/explorer/stale-blocks), paged by (height, id).
CREATE INDEX block_stale ON block (height DESC, id) WHERE status = 'STALE';

-- The newest pending transfers (GET /api/v1/explorer/mempool/recent).
CREATE INDEX mempool_tx_accepted ON mempool_tx (accepted_ms DESC, txid);

-- The best-paying pending transfers the projection reads (GET /api/v1/explorer/mempool).
CREATE INDEX mempool_tx_fee_rate ON mempool_tx (fee_rate DESC, txid);
