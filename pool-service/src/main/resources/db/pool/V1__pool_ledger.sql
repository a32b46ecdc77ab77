-- The pool's ledger: accepted shares, blocks found with their PPLNS credits, payouts.

CREATE TABLE share (
    id           BIGSERIAL PRIMARY KEY,
    address      TEXT        NOT NULL,
    worker       TEXT        NOT NULL,
    difficulty   BIGINT      NOT NULL CHECK (difficulty > 0),
    height       BIGINT      NOT NULL,
    job_id       TEXT        NOT NULL,
    pow_hash     BYTEA       NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX share_by_address ON share (address, id);

-- status: SUBMITTED (the node took it), REJECTED (the node refused it), ORPHANED (left the active
-- chain), MATURE (its reward is spendable: credits may be paid)
CREATE TABLE found_block (
    block_id       BYTEA       PRIMARY KEY,
    height         BIGINT      NOT NULL,
    reward         BIGINT      NOT NULL,
    pool_fee       BIGINT      NOT NULL,
    window_weight  BIGINT      NOT NULL,
    first_share_id BIGINT      NOT NULL,
    last_share_id  BIGINT      NOT NULL,
    finder         TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    detail         TEXT        NOT NULL DEFAULT '',
    found_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX found_block_by_status ON found_block (status, height);

-- status: SENT (accepted by the node), CONFIRMED (in a block), FAILED (refused; its credits are free again)
CREATE TABLE payout (
    id         BIGSERIAL   PRIMARY KEY,
    address    TEXT        NOT NULL,
    amount     BIGINT      NOT NULL CHECK (amount > 0),
    fee        BIGINT      NOT NULL,
    nonce         BIGINT      NOT NULL,
    expiry_height BIGINT      NOT NULL,
    txid       BYTEA       NOT NULL,
    status     TEXT        NOT NULL,
    detail     TEXT        NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX payout_by_address ON payout (address, id);

-- weight: the difficulty of the address's shares inside the block's window (the oldest share may
-- count in part); amount = its PPLNS share of reward - pool_fee, exact to the unit
CREATE TABLE credit (
    block_id  BYTEA  NOT NULL REFERENCES found_block (block_id),
    address   TEXT   NOT NULL,
    weight    BIGINT NOT NULL CHECK (weight > 0),
    amount    BIGINT NOT NULL CHECK (amount >= 0),
    payout_id BIGINT REFERENCES payout (id),
    PRIMARY KEY (block_id, address)
);
CREATE INDEX credit_unpaid ON credit (address) WHERE payout_id IS NULL;
