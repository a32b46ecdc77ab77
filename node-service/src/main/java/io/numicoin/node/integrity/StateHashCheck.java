package io.numicoin.node.integrity;

import io.numicoin.node.integrity.IntegrityProblem.Kind;
import io.numicoin.node.storage.StateBuckets;
import io.numicoin.node.storage.StateTables;
import io.numicoin.node.storage.StoredTip;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.state.ImmatureReward;
import io.numicoin.protocol.state.MuHash3072;
import io.numicoin.protocol.state.StateCommitment;
import io.numicoin.protocol.state.StateElementCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Always: the stored state hash commits to what the tip header says, and equals the product of
 * the bucket hashes times the immature rewards' hash (recomputed: there are at most 100). Then
 * the chosen buckets are recomputed from the accounts table: a sample at levels 0 and 1, all 256
 * (a full recomputation) at level 2. Run inside a read-only transaction.
 */
final class StateHashCheck {

    private final StateTables tables;
    private final StateBuckets buckets;

    StateHashCheck(JdbcTemplate jdbc) {
        this.tables = new StateTables(jdbc);
        this.buckets = new StateBuckets(jdbc);
    }

    List<IntegrityProblem> run(StoredTip tip, BlockHeader tipHeader, Set<Integer> bucketsToRecompute) {
        List<IntegrityProblem> problems = new ArrayList<>();
        Hash256 stored = StateCommitment.of(tip.accumulator());
        if (!stored.equals(tipHeader.stateCommitment())) {
            problems.add(new IntegrityProblem(Kind.STATE_COMMITMENT_MISMATCH, "the stored state hash commits to " + stored
                    + ", the tip header " + tip.id() + " to " + tipHeader.stateCommitment()));
        }
        buckets.load();
        MuHash3072 rewards = MuHash3072.EMPTY;
        for (ImmatureReward reward : tables.allRewards()) {
            rewards = rewards.insert(StateElementCodec.encode(reward));
        }
        if (!buckets.product().combine(rewards).sameSetAs(tip.accumulator())) {
            problems.add(new IntegrityProblem(Kind.ACCOUNTS_MISMATCH,
                    "the account buckets and immature rewards do not multiply to the stored state hash"));
        }
        for (int bucket : bucketsToRecompute) {
            MuHash3072[] recomputed = {MuHash3072.EMPTY};
            tables.forEachAccountInBucket(bucket, entry -> recomputed[0] = recomputed[0].insert(StateElementCodec.encode(entry)));
            if (!recomputed[0].sameSetAs(buckets.get(bucket))) {
                problems.add(new IntegrityProblem(Kind.ACCOUNTS_MISMATCH, String.format(
                        "the accounts whose address starts with %02x do not hash to their stored bucket", bucket)));
            }
        }
        return problems;
    }

}
