-- A chain event ends with its block's encoding, which block_body already holds (written in the
-- same transaction). The outbox row keeps the event without that tail and names the body here;
-- the relay appends block_body.body when it publishes, so a 2 MiB block is written once, not twice.
-- No foreign key: a body the integrity check deleted as corrupt is downloaded again under the same
-- id, and the relay waits for it (publishing nothing out of order) rather than the check failing.
ALTER TABLE outbox ADD COLUMN payload_tail_block BYTEA;
