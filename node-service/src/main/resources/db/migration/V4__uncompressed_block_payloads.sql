-- Block bodies and outbox payloads (a chain event carries its whole block) are mostly ML-DSA keys
-- and signatures: they do not compress. With the default storage PostgreSQL still runs pglz over
-- every value above 2 kB before giving up, which cost ~40 ms per 2 MiB block and value on the
-- development machine. EXTERNAL keeps them out of line (TOAST) without trying to compress them.
ALTER TABLE block_body ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE outbox ALTER COLUMN payload SET STORAGE EXTERNAL;
