-- API keys of the public gateway (docs/gateway.md). Only a hash of each secret is kept.
CREATE TABLE api_key (
    id              text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{12}$'),
    secret_hash     bytea NOT NULL CHECK (length(secret_hash) = 32),
    label           text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    scopes          text[] NOT NULL,
    rate            double precision NOT NULL CHECK (rate > 0),
    burst           integer NOT NULL CHECK (burst > 0),
    expensive_rate  double precision NOT NULL CHECK (expensive_rate > 0),
    expensive_burst integer NOT NULL CHECK (expensive_burst > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz
);

-- Every change to a key (a revocation, by the admin command or by hand) tells every gateway
-- replica listening on numi_gateway_api_key, which forgets its cached copy at once.
CREATE FUNCTION api_key_changed() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('numi_gateway_api_key', COALESCE(NEW.id, OLD.id));
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER api_key_changed AFTER UPDATE OR DELETE ON api_key
    FOR EACH ROW EXECUTE FUNCTION api_key_changed();
