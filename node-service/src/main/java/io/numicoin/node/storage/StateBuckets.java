package io.numicoin.node.storage;

import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.state.MuHash3072;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The per-bucket hashes of the accounts ({@code state_buckets}), kept in memory between writes.
 * Their product times the immature rewards' hash is the overall state hash; the startup check
 * recomputes single buckets from the accounts table to sample it cheaply.
 */
public final class StateBuckets {

    private final JdbcTemplate jdbc;
    private final MuHash3072[] buckets = new MuHash3072[AccumulatorMath.BUCKETS];

    public StateBuckets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        Arrays.fill(buckets, MuHash3072.EMPTY);
    }

    /** Reads every stored bucket (missing rows are empty sets). */
    public StateBuckets load() {
        Arrays.fill(buckets, MuHash3072.EMPTY);
        jdbc.query("SELECT bucket, accumulator FROM state_buckets", rs -> {
            int bucket = rs.getShort(1);
            try {
                buckets[bucket] = MuHash3072.fromBytes(rs.getBytes(2));
            } catch (DecodeException e) {
                throw new CorruptChainDataException("state_buckets row " + bucket + " does not decode: " + e.getMessage(), e);
            }
        });
        return this;
    }

    public MuHash3072 get(int bucket) {
        return buckets[bucket];
    }

    /** Writes {@code updated} buckets (inside the caller's transaction), in one statement. */
    public void write(Map<Integer, MuHash3072> updated) {
        if (updated.isEmpty()) {
            return;
        }
        List<Integer> buckets = new ArrayList<>(updated.size());
        List<byte[]> hashes = new ArrayList<>(updated.size());
        updated.forEach((bucket, hash) -> {
            buckets.add(bucket);
            hashes.add(hash.toBytes());
        });
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO state_buckets (bucket, accumulator)
                    SELECT * FROM unnest(?::smallint[], ?::bytea[])
                    ON CONFLICT (bucket) DO UPDATE SET accumulator = EXCLUDED.accumulator""");
            ps.setArray(1, PgArrays.integer(con, buckets));
            ps.setArray(2, PgArrays.bytea(con, hashes));
            return ps;
        });
    }

    /** Takes {@code updated} into memory (after its transaction committed). */
    public void commit(Map<Integer, MuHash3072> updated) {
        updated.forEach((bucket, hash) -> buckets[bucket] = hash);
    }

    /** The product of all buckets: the accounts' part of the state hash. */
    public MuHash3072 product() {
        MuHash3072 product = MuHash3072.EMPTY;
        for (MuHash3072 bucket : buckets) {
            product = product.combine(bucket);
        }
        return product;
    }

    /** Replaces every bucket (reindex); inside the caller's transaction. */
    public void replaceAll(MuHash3072[] recomputed) {
        jdbc.update("DELETE FROM state_buckets");
        Map<Integer, MuHash3072> all = new java.util.HashMap<>();
        for (int b = 0; b < recomputed.length; b++) {
            all.put(b, recomputed[b]);
        }
        write(all);
    }
}
