-- A node started from a state snapshot (io.numicoin.node.snapshot.SnapshotImporter): the snapshot's block.
-- Every block_index row at or below it has status 5 (FROM_SNAPSHOT: header checked, state loaded
-- from the snapshot, no body, never fetched); the node refuses blocks that would fork at or below it.
-- No row: the chain starts at genesis.
CREATE TABLE snapshot_base (
    singleton BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    id        BYTEA       NOT NULL REFERENCES block_index (id),
    height    BIGINT      NOT NULL,
    loaded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Why a block was marked INVALID (status 3), so a block resubmitted after a restart is refused with its
-- original reason: the BlockRejectReason name, its detail and the offending transaction's index (-1: the
-- block as a whole). NULL for every other status, and for invalid marks written before this migration.
ALTER TABLE block_index
    ADD COLUMN reject_reason   TEXT,
    ADD COLUMN reject_detail   TEXT,
    ADD COLUMN reject_tx_index INTEGER;
