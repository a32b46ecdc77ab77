-- NumiCoin node: the chain, its account state, indexes and the event outbox.
-- Hashes and addresses are 32-byte BYTEA; amounts are BIGINT base units (1 NUMI = 10^8).
-- Every lookup the API and sync make has an index; each index says which lookup it serves.

-- Every block whose header passed the header rules, on any branch (the block tree).
CREATE TABLE block_index (
    id              BYTEA       PRIMARY KEY,
    height          BIGINT      NOT NULL,
    parent_id       BYTEA       NOT NULL,
    header          BYTEA       NOT NULL,          -- the 128-byte encoded header
    cumulative_work NUMERIC(80) NOT NULL,
    status          SMALLINT    NOT NULL,          -- BlockStatus as io.numicoin.node.storage.BlockStatusCode maps it (0 header only,
                                                   -- 1 data available, 2 valid, 3 invalid, 4 invalid ancestor); fixed codes, not ordinals
    first_seen      BIGINT      NOT NULL,          -- the tree's arrival order (genesis 0, gap-free): header fork-choice ties
    data_seq        BIGINT,                        -- order in which bodies became available (NULL: never): block fork-choice ties
    received_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- Startup reload adds headers in arrival order (parents always come first), reproducing the tree exactly.
CREATE UNIQUE INDEX block_index_first_seen ON block_index (first_seen);
-- Sync serves headers by height; the integrity check walks recent heights.
CREATE INDEX block_index_height ON block_index (height);
-- Children of a block (orphan adoption, invalid-descendant marking).
CREATE INDEX block_index_parent ON block_index (parent_id);

-- Block bodies (full encoding), kept for every stored block on any branch.
CREATE TABLE block_body (
    id        BYTEA   PRIMARY KEY REFERENCES block_index (id),
    body      BYTEA   NOT NULL,
    size      INTEGER NOT NULL,
    tx_count  INTEGER NOT NULL
);

-- The active chain: one row per height. Blocks by height, block ranges.
CREATE TABLE main_chain (
    height BIGINT PRIMARY KEY,
    id     BYTEA  NOT NULL UNIQUE REFERENCES block_index (id)
);

-- The single row naming the tip the account state belongs to, and the state's MuHash3072
-- accumulator (numerator and denominator, 768 bytes) so the commitment is checked without a scan.
CREATE TABLE chain_tip (
    singleton   BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    id          BYTEA       NOT NULL REFERENCES block_index (id),
    height      BIGINT      NOT NULL,
    accumulator BYTEA       NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Account state after the tip. Absent = balance 0 and nonce 0.
CREATE TABLE accounts (
    address BYTEA  PRIMARY KEY,
    balance BIGINT NOT NULL CHECK (balance >= 0),
    nonce   BIGINT NOT NULL CHECK (nonce >= 0)
);

-- The accounts' set hash split by the first byte of the address (256 buckets; a missing row is the
-- empty set): the product of the buckets times the immature rewards' hash is chain_tip.accumulator.
-- The startup check recomputes a few buckets from accounts (by primary-key range) instead of all.
CREATE TABLE state_buckets (
    bucket      SMALLINT PRIMARY KEY CHECK (bucket BETWEEN 0 AND 255),
    accumulator BYTEA    NOT NULL                     -- MuHash3072 numerator and denominator, 768 bytes
);

-- Coinbase rewards not yet spendable, by the height of the block that paid them.
CREATE TABLE immature_rewards (
    paid_at_height BIGINT PRIMARY KEY,
    recipient      BYTEA  NOT NULL,
    amount         BIGINT NOT NULL CHECK (amount > 0)
);

-- Undo data (io.numicoin.protocol.state.UndoDataCodec) of every connected block.
CREATE TABLE undo_data (
    block_id BYTEA PRIMARY KEY REFERENCES block_index (id),
    data     BYTEA NOT NULL
);

-- Transactions on the active chain. Transactions by txid; an address's history.
CREATE TABLE chain_transactions (
    txid      BYTEA   PRIMARY KEY,
    block_id  BYTEA   NOT NULL REFERENCES block_index (id),
    height    BIGINT  NOT NULL,
    position  INTEGER NOT NULL,
    sender    BYTEA,                                -- NULL for coinbases
    recipient BYTEA   NOT NULL
);
-- Removing a disconnected block's transactions.
CREATE INDEX chain_transactions_block ON chain_transactions (block_id);
-- An address's sent and received transactions, newest first.
CREATE INDEX chain_transactions_sender ON chain_transactions (sender, height DESC) WHERE sender IS NOT NULL;
CREATE INDEX chain_transactions_recipient ON chain_transactions (recipient, height DESC);

-- Known peers (the address book), used by the p2p layer.
CREATE TABLE peers (
    address       TEXT        PRIMARY KEY,          -- multiaddr
    peer_id       TEXT,
    agent         TEXT,
    last_seen     TIMESTAMPTZ,
    last_success  TIMESTAMPTZ,
    failures      INTEGER     NOT NULL DEFAULT 0,
    banned_until  TIMESTAMPTZ,
    ban_reason    TEXT
);
-- Picking peers to dial: recently successful first, banned ones skipped.
CREATE INDEX peers_last_success ON peers (last_success DESC NULLS LAST);

-- Events written in the same transaction as the change they describe; the relay publishes them
-- to Kafka in seq order after commit and then deletes them (at-least-once, in order).
CREATE TABLE outbox (
    seq        BIGINT      PRIMARY KEY,             -- gap-free, from outbox_counter
    topic      TEXT        NOT NULL,
    record_key BYTEA,
    payload    BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Gap-free counters: 'outbox' orders the relay; 'numi.chain.v1' numbers chain events.
CREATE TABLE outbox_counter (
    name TEXT   PRIMARY KEY,
    next BIGINT NOT NULL
);
INSERT INTO outbox_counter (name, next) VALUES ('outbox', 1), ('numi.chain.v1', 1);
