-- The address book's bookkeeping (io.numicoin.node.p2p.peers.PostgresAddressBook): when an address
-- was first learnt and from where, the last dial attempt (for exponential backoff after failures),
-- how many dials succeeded, and the best height the peer reported.
ALTER TABLE peers
    ADD COLUMN first_seen   TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN source       TEXT        NOT NULL DEFAULT 'unknown',
    ADD COLUMN last_attempt TIMESTAMPTZ,
    ADD COLUMN successes    INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN height       BIGINT      NOT NULL DEFAULT 0;

-- Bans are looked up and applied by peer id (one peer may have several addresses).
CREATE INDEX peers_peer_id ON peers (peer_id);
CREATE INDEX peers_banned_until ON peers (banned_until) WHERE banned_until IS NOT NULL;
