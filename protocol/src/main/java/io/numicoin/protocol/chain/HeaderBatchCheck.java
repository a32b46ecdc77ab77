package io.numicoin.protocol.chain;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.difficulty.DifficultyAlgorithm;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.validation.BlockRejection;
import io.numicoin.protocol.validation.HeaderRules;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The cheap checks on a headers response, before any Argon2id is spent on it (headers-first sync).
 * The batch must answer the request: its first header's parent is one of the locator ids asked
 * after (or the last header of a presync under way), and none of its headers is itself a locator
 * id — an honest server starts after the highest locator id on its chain, so a batch containing one
 * replays headers we sent. Headers already in the tree are skipped (their work was paid for
 * before); every new one must pass the header rules except the proof of work against the branch it
 * extends — tree branch, presynced headers, the batch's earlier headers — so its target is the one
 * the difficulty rule gives there. The verdict lists the new headers with those expected targets,
 * for the caller to verify the proofs of work against (never the header's own claim), and the
 * chain work the batch ends at. Pure; the tree is read, never written.
 */
public final class HeaderBatchCheck {

    /** Why a batch was refused. */
    public enum Failure {
        /** The first header does not follow any id the request named: the answer is to another question. */
        UNCONNECTED,
        /** A header is one the request named: headers we sent, sent back (an honest server starts after the last it has). */
        REPLAY,
        /** A header breaks a rule (or extends a block known to be invalid). */
        INVALID,
        /** The batch forks at or below this node's snapshot base: a chain it cannot follow. */
        BELOW_SNAPSHOT_BASE
    }

    /** What the check found. */
    public sealed interface Verdict {
    }

    /** @param index the header at fault (0-based in the batch), or -1 for the batch as a whole */
    public record Refused(Failure failure, int index, String detail) implements Verdict {
    }

    /**
     * The batch answers the request and its new headers pass every rule but the proof of work.
     *
     * @param fresh           the headers not in the tree yet, in order (a suffix of the batch)
     * @param expectedTargets the target the difficulty rule gives each fresh header on its branch
     * @param forkId          the tree entry the presynced and fresh headers hang from
     * @param endWork         the cumulative work at the batch's last header (when empty: the most any id
     *                        the request named holds, which is the most the peer's chain can hold)
     * @param lastId          the id of the batch's last header (or of what it followed, when empty)
     * @param continuesPresync whether the batch follows the presynced headers given (else it restarts)
     */
    public record Checked(List<BlockHeader> fresh, List<CompactTarget> expectedTargets, Hash256 forkId, BigInteger endWork,
            Hash256 lastId, boolean continuesPresync) implements Verdict {

        public Checked {
            fresh = List.copyOf(fresh);
            expectedTargets = List.copyOf(expectedTargets);
        }
    }

    private final HeaderRules rules;
    private final DifficultyAlgorithm difficulty;

    public HeaderBatchCheck(NetworkParams params) {
        this.rules = new HeaderRules(params);
        this.difficulty = params.difficulty().algorithm();
    }

    /**
     * @param batch     the response, already checked to link up (each header's parent the one before)
     * @param locator   the ids the request asked after
     * @param presynced headers of this peer's chain checked earlier but not stored (empty if none):
     *                  they hang from a tree entry, and the batch may follow their last
     * @param full      whether the batch is as long as asked (so the peer's chain may go on)
     */
    public Verdict check(BlockTree tree, List<BlockHeader> batch, Collection<Hash256> locator, List<BlockHeader> presynced,
            boolean full, long nowSeconds) {
        Objects.requireNonNull(batch, "batch");
        Set<Hash256> asked = new HashSet<>(locator);
        Hash256 presyncTail = presynced.isEmpty() ? null : BlockHeaderCodec.id(presynced.getLast());
        if (batch.isEmpty()) {
            // The peer's chain ends at an id we named (or at the presync's end): the most it can hold is theirs.
            BigInteger most = presynced.isEmpty() ? BigInteger.ZERO : presyncEndWork(tree, presynced);
            for (Hash256 id : locator) {
                most = most.max(tree.entry(id).map(BlockIndexEntry::cumulativeWork).orElse(BigInteger.ZERO));
            }
            Hash256 genesis = tree.genesis().id();
            return new Checked(List.of(), List.of(), genesis, most, genesis, false);
        }
        Hash256 parent = batch.getFirst().previousId();
        boolean continues = presyncTail != null && parent.equals(presyncTail);
        if (!continues && !(asked.contains(parent) && tree.contains(parent))) {
            return new Refused(Failure.UNCONNECTED, 0, "the first header follows " + parent + ", which the request did not name");
        }
        List<Hash256> ids = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Hash256 id = BlockHeaderCodec.id(batch.get(i));
            if (asked.contains(id)) {
                return new Refused(Failure.REPLAY, i, "header " + id + " is one the request named");
            }
            ids.add(id);
        }
        List<BlockHeader> before = continues ? presynced : List.of();
        Hash256 forkId = continues ? presynced.getFirst().previousId() : parent;
        int firstNew = 0;
        if (!continues) {
            while (firstNew < batch.size() && tree.contains(ids.get(firstNew))) {
                if (tree.isKnownInvalid(ids.get(firstNew))) {
                    return new Refused(Failure.INVALID, firstNew, "header " + ids.get(firstNew) + " is known to be invalid");
                }
                firstNew++;
            }
            if (firstNew > 0) {
                forkId = ids.get(firstNew - 1);
            }
        }
        if (firstNew == batch.size()) {
            // Nothing new: a full batch is followed from its last header; a short one ends the
            // peer's chain at work we hold (the caller holds that against the peer's claim).
            BigInteger work = tree.entry(ids.getLast()).orElseThrow().cumulativeWork();
            return new Checked(List.of(), List.of(), ids.getLast(), work, ids.getLast(), false);
        }
        BlockIndexEntry fork = tree.entry(forkId).orElseThrow();
        if (fork.status().isInvalid()) {
            return new Refused(Failure.INVALID, firstNew, "it extends " + forkId + ", which is known to be invalid");
        }
        List<BlockHeader> fresh = batch.subList(firstNew, batch.size());
        if (tree.isBelowSnapshotBase(fresh.getFirst().height() - before.size())) {
            return new Refused(Failure.BELOW_SNAPSHOT_BASE, firstNew, "it forks at or below this node's snapshot base");
        }
        List<BlockHeader> branch = new ArrayList<>(before);
        List<CompactTarget> targets = new ArrayList<>(fresh.size());
        BigInteger work = continues ? presyncEndWork(tree, presynced) : fork.cumulativeWork();
        HeaderChain base = tree.branch(forkId);
        for (int i = 0; i < fresh.size(); i++) {
            BlockHeader header = fresh.get(i);
            ExtendedBranch parentBranch = new ExtendedBranch(base, branch);
            Optional<BlockRejection> rejection = rules.check(header, parentBranch, nowSeconds, false);
            if (rejection.isPresent()) {
                return new Refused(Failure.INVALID, firstNew + i, rejection.get().toString());
            }
            targets.add(difficulty.nextTarget(parentBranch));
            work = work.add(header.target().work());
            branch.add(header);
        }
        return new Checked(fresh, targets, forkId, work, ids.getLast(), continues);
    }

    /** The cumulative work at the last of {@code presynced} (which hang from a tree entry). */
    public static BigInteger presyncEndWork(BlockTree tree, List<BlockHeader> presynced) {
        BigInteger work = tree.entry(presynced.getFirst().previousId()).orElseThrow().cumulativeWork();
        for (BlockHeader header : presynced) {
            work = work.add(BlockAdmission.workOf(header));
        }
        return work;
    }
}
