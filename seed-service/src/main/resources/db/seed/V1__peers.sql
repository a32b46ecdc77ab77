-- The seed's peers: one row per TCP address (multiaddr text without /p2p/), in the seed's own schema.
CREATE TABLE peers (
    address              text PRIMARY KEY,
    peer_id              text,
    agent                text NOT NULL DEFAULT '',
    height               bigint NOT NULL DEFAULT 0,
    protocols            text[] NOT NULL DEFAULT '{}',
    latency_ms           integer NOT NULL DEFAULT -1,
    source               text NOT NULL,
    first_seen           timestamptz NOT NULL,
    last_try             timestamptz,
    last_success         timestamptz,
    attempts             integer NOT NULL DEFAULT 0,
    successes            integer NOT NULL DEFAULT 0,
    -- (reliability, count, weight) of the 2 h, 8 h, 1 d, 1 w and 30 d windows, in that order
    stats                float8[] NOT NULL,
    consecutive_failures integer NOT NULL DEFAULT 0,
    ban_count            integer NOT NULL DEFAULT 0,
    banned_until         timestamptz,
    ban_reason           text NOT NULL DEFAULT '',
    next_try             timestamptz NOT NULL,
    good                 boolean NOT NULL DEFAULT false,
    CONSTRAINT stats_has_five_windows CHECK (cardinality(stats) = 15)
);

CREATE INDEX peers_next_try ON peers (next_try);
CREATE INDEX peers_good ON peers (last_success DESC) WHERE good;
