-- The mempool's own schema: pending transactions (re-validated on start) and where it follows the chain.
CREATE TABLE pending_tx (
    txid        BYTEA PRIMARY KEY,
    sender      BYTEA  NOT NULL,
    nonce       BIGINT NOT NULL,
    raw         BYTEA  NOT NULL,
    arrived_ms  BIGINT NOT NULL
);
CREATE INDEX pending_tx_arrival ON pending_tx (arrived_ms);

-- One row: the tip the pool was validated against and the last applied numi.chain.v1 sequence.
CREATE TABLE chain_cursor (
    id          SMALLINT PRIMARY KEY CHECK (id = 1),
    tip_id      BYTEA  NOT NULL,
    tip_height  BIGINT NOT NULL,
    sequence    BIGINT NOT NULL
);
