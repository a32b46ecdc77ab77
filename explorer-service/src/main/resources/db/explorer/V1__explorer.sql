-- The explorer's read model (its own database; docs/explorer.md). Hashes and addresses are raw bytes.

-- Every block the explorer has seen: the active chain and the blocks reorganised out of it.
CREATE TABLE block (
    id               BYTEA    PRIMARY KEY,
    height           BIGINT   NOT NULL,
    parent_id        BYTEA    NOT NULL,
    time_s           BIGINT   NOT NULL,
    target_bits      INTEGER  NOT NULL,
    work             NUMERIC  NOT NULL,   -- this block's own work
    cumulative_work  NUMERIC  NOT NULL,   -- the chain's work through it
    tx_count         INTEGER  NOT NULL,
    size             INTEGER  NOT NULL,
    state_commitment BYTEA    NOT NULL,
    merkle_root      BYTEA    NOT NULL,
    nonce            BIGINT   NOT NULL,
    version          INTEGER  NOT NULL,
    status           TEXT     NOT NULL CHECK (status IN ('ACTIVE', 'STALE')),
    reorg_id         BIGINT              -- the reorg that made it stale (null while active)
);
-- At most one active block per height: the active chain.
CREATE UNIQUE INDEX block_active_height ON block (height) WHERE status = 'ACTIVE';
CREATE INDEX block_height ON block (height);

-- Every transaction of every stored block (a txid may sit in blocks of two branches).
CREATE TABLE tx (
    block_id   BYTEA   NOT NULL REFERENCES block (id),
    tx_index   INTEGER NOT NULL,
    txid       BYTEA   NOT NULL,
    coinbase   BOOLEAN NOT NULL,
    sender     BYTEA,                     -- null for the coinbase
    recipient  BYTEA   NOT NULL,
    amount     BIGINT  NOT NULL,
    fee        BIGINT  NOT NULL,
    nonce      BIGINT  NOT NULL,
    memo       BYTEA   NOT NULL,
    raw        BYTEA   NOT NULL,
    PRIMARY KEY (block_id, tx_index)
);
CREATE INDEX tx_txid ON tx (txid);

-- What each active-chain transaction did to each address; rows of a disconnected block are deleted.
CREATE TABLE address_history (
    address    BYTEA   NOT NULL,
    height     BIGINT  NOT NULL,
    tx_index   INTEGER NOT NULL,
    block_id   BYTEA   NOT NULL,
    txid       BYTEA   NOT NULL,
    direction  TEXT    NOT NULL CHECK (direction IN ('IN', 'OUT', 'SELF')),
    delta      BIGINT  NOT NULL,
    PRIMARY KEY (address, height, tx_index)
);
CREATE INDEX address_history_block ON address_history (block_id);

-- Balance and activity of every address after the explorer's tip.
CREATE TABLE address_balance (
    address    BYTEA  PRIMARY KEY,
    balance    BIGINT NOT NULL,
    received   BIGINT NOT NULL,
    sent       BIGINT NOT NULL,
    tx_count   BIGINT NOT NULL
);

-- Reorganisations: the blocks from old_tip down to above fork_id were disconnected; the new branch
-- replaced them. Open (closed = false) until the new branch has more work than the old tip.
CREATE TABLE reorg (
    id              BIGSERIAL PRIMARY KEY,
    fork_id         BYTEA   NOT NULL,
    fork_height     BIGINT  NOT NULL,
    old_tip_id      BYTEA   NOT NULL,
    old_tip_height  BIGINT  NOT NULL,
    old_tip_work    NUMERIC NOT NULL,
    new_tip_id      BYTEA,
    new_tip_height  BIGINT,
    depth           INTEGER NOT NULL,
    closed          BOOLEAN NOT NULL,
    at_ms           BIGINT  NOT NULL
);
ALTER TABLE block ADD CONSTRAINT block_reorg FOREIGN KEY (reorg_id) REFERENCES reorg (id);

-- The mempool as numi.mempool.v1 reports it.
CREATE TABLE mempool_tx (
    txid        BYTEA  PRIMARY KEY,
    sender      BYTEA  NOT NULL,
    recipient   BYTEA  NOT NULL,
    amount      BIGINT NOT NULL,
    fee         BIGINT NOT NULL,
    nonce       BIGINT NOT NULL,
    fee_rate    BIGINT NOT NULL,
    size        INTEGER NOT NULL,
    raw         BYTEA  NOT NULL,
    accepted_ms BIGINT NOT NULL
);
CREATE INDEX mempool_tx_sender ON mempool_tx (sender);

-- One row: the explorer's tip and the last applied numi.chain.v1 sequence (-1: not known, e.g. after
-- a backfill from the node's API), written in the transaction of every block it applies.
CREATE TABLE chain_cursor (
    id           SMALLINT PRIMARY KEY CHECK (id = 1),
    tip_id       BYTEA   NOT NULL,
    tip_height   BIGINT  NOT NULL,
    tip_work     NUMERIC NOT NULL,
    sequence     BIGINT  NOT NULL
);

-- Which chain event each sequence applied (written with the block): an event with the same
-- sequence, kind and block is a replay, skipped even when later events superseded its effect.
CREATE TABLE chain_event_log (
    sequence   BIGINT  PRIMARY KEY,
    block_id   BYTEA   NOT NULL,
    connected  BOOLEAN NOT NULL
);
