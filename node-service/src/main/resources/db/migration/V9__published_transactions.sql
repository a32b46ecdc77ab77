-- The txids this node (as its deployment's event source) has written to numi.tx.v1, so that an
-- identical submission after a restart writes no second outbox row: the insert that claims a txid
-- is in the same transaction as its outbox row, and ON CONFLICT DO NOTHING decides. Rows older than
-- the mempool's horizon (its max-age, 14 days) are pruned as new ones arrive.
CREATE TABLE published_tx (
    txid         BYTEA  PRIMARY KEY,
    published_ms BIGINT NOT NULL
);
CREATE INDEX published_tx_age ON published_tx (published_ms);
