-- Stale blocks newest first (GET /api/v1/explorer/stale-blocks), paged by (height, id).
CREATE INDEX block_stale ON block (height DESC, id) WHERE status = 'STALE';
