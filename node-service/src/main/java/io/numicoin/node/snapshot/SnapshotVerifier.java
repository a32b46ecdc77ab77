package io.numicoin.node.snapshot;

import io.numicoin.node.storage.AccumulatorMath;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.state.AccountEntry;
import io.numicoin.protocol.state.MuHash3072;
import io.numicoin.protocol.state.StateCommitment;
import io.numicoin.protocol.state.StateElement;
import io.numicoin.protocol.state.StateElementCodec;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks a snapshot file completely without writing anything: the manifest's network, that its
 * header hashes to its block id at its height, the header chain from genesis to it
 * ({@link SnapshotHeaderCheck}: linkage, every header rule including proof of work, the work it adds up to), every chunk's hash, that the elements decode, are all
 * accounts before all rewards in strictly increasing byte order (so no address or height twice), hold
 * no empty account, add up to the manifest's counts — and that their MuHash3072 commits to exactly
 * the header's state commitment. Also yields the per-bucket hashes the node stores.
 */
public final class SnapshotVerifier {

    /** A snapshot that passed, with what loading it needs. */
    public record Verified(SnapshotManifest manifest, MuHash3072 accumulator, MuHash3072[] buckets) {
    }

    private SnapshotVerifier() {
    }

    /** @param nowSeconds this node's clock, for the headers' future limit */
    public static Verified verify(Path file, NetworkParams params, long nowSeconds) throws SnapshotException {
        SnapshotManifest manifest = SnapshotReader.manifest(file);
        if (manifest.network() != params.network()) {
            throw new SnapshotException("the snapshot is of " + manifest.network().id() + ", this node runs " + params.network().id());
        }
        Hash256 headerId = BlockHeaderCodec.id(manifest.header());
        if (!headerId.equals(manifest.blockId()) || manifest.header().height() != manifest.height()) {
            throw new SnapshotException("the snapshot's header hashes to " + headerId + " at height " + manifest.header().height()
                    + ", not to its block " + manifest.blockId() + " at height " + manifest.height());
        }
        try (SnapshotHeaderCheck headers = new SnapshotHeaderCheck(params, nowSeconds)) {
            SnapshotReader.forEachHeader(file, manifest, headers::header);
            headers.finish(manifest);
        }
        long listed = manifest.chunks().stream().mapToLong(SnapshotManifest.Chunk::elements).sum();
        if (listed != manifest.elements()) {
            throw new SnapshotException("the snapshot's chunks hold " + listed + " elements, its counts say " + manifest.elements());
        }
        MuHash3072[] buckets = new MuHash3072[AccumulatorMath.BUCKETS];
        Arrays.fill(buckets, MuHash3072.EMPTY);
        MuHash3072[] rewards = {MuHash3072.EMPTY};
        long[] seen = new long[2];  // accounts, rewards
        byte[][] previous = {null};
        SnapshotReader.forEachChunk(file, manifest, (index, bytes) -> {
            for (int offset = 0; offset < bytes.length; offset += SnapshotFormat.ELEMENT_SIZE) {
                byte[] element = Arrays.copyOfRange(bytes, offset, offset + SnapshotFormat.ELEMENT_SIZE);
                if (previous[0] != null && Arrays.compareUnsigned(previous[0], element) >= 0) {
                    throw new SnapshotException("chunk " + index + ": state elements are not in strictly increasing order");
                }
                previous[0] = element;
                StateElement decoded = decode(element, index);
                if (decoded instanceof AccountEntry entry) {
                    if (entry.account().isEmpty()) {
                        throw new SnapshotException("chunk " + index + " holds an empty account, which is not a state element");
                    }
                    int bucket = AccumulatorMath.bucket(entry.address());
                    buckets[bucket] = buckets[bucket].insert(element);
                    seen[0]++;
                } else {
                    rewards[0] = rewards[0].insert(element);
                    seen[1]++;
                }
            }
        });
        if (seen[0] != manifest.accounts() || seen[1] != manifest.rewards()) {
            throw new SnapshotException("the snapshot holds " + seen[0] + " accounts and " + seen[1] + " rewards, its manifest says "
                    + manifest.accounts() + " and " + manifest.rewards());
        }
        MuHash3072 accumulator = rewards[0];
        for (MuHash3072 bucket : buckets) {
            accumulator = accumulator.combine(bucket);
        }
        Hash256 commitment = StateCommitment.of(accumulator);
        if (!commitment.equals(manifest.header().stateCommitment())) {
            throw new SnapshotException("the snapshot's state hashes to " + commitment + " but block " + manifest.blockId()
                    + " commits to " + manifest.header().stateCommitment() + ": refused");
        }
        return new Verified(manifest, accumulator, buckets);
    }

    private static StateElement decode(byte[] element, int chunk) throws SnapshotException {
        try {
            return StateElementCodec.decode(element);
        } catch (DecodeException e) {
            throw new SnapshotException("chunk " + chunk + " holds an element that does not decode: " + e.getMessage(), e);
        }
    }
}
