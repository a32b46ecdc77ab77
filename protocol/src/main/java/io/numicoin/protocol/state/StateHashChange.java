package io.numicoin.protocol.state;

import io.numicoin.protocol.address.Address;
import java.util.List;
import java.util.Objects;

/**
 * How a block moves the state's set hash, as the state rules computed it: the new
 * {@code accumulator}, and the factors that took the old one there — one per address range that
 * holds a changed account ({@link #range}: the address's first byte, 256 ranges), the product of
 * that range's changes (each changed account's new element in, its old one out: a fraction), and one
 * for all immature-reward changes. Multiplying the old accumulator by every factor gives the new
 * one, so a store that keeps a partial hash per range can move it with one multiplication, hashing
 * no element again. Grouping by range first also halves the multiplications of the overall hash: a
 * full block changes ~800 accounts but touches at most 256 ranges. Equal when the hashes are of the
 * same sets ({@link MuHash3072#sameSetAs}).
 */
public record StateHashChange(MuHash3072 accumulator, List<RangeFactor> ranges, MuHash3072 rewards) {

    /** Address ranges: one per value of an address's first byte. */
    public static final int RANGES = 256;

    /** The product of the changes of the accounts in one address range ({@code range} in 0..255). */
    public record RangeFactor(int range, MuHash3072 factor) {
        public RangeFactor {
            if (range < 0 || range >= RANGES) {
                throw new IllegalArgumentException("range " + range + " is not within 0.." + (RANGES - 1));
            }
            Objects.requireNonNull(factor, "factor");
        }
    }

    public StateHashChange {
        Objects.requireNonNull(accumulator, "accumulator");
        ranges = List.copyOf(ranges);
        Objects.requireNonNull(rewards, "rewards");
    }

    /** The range of {@code address}: its first byte, 0..255. */
    public static int range(Address address) {
        return address.policyHash().bytes().get(0) & 0xff;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof StateHashChange that) || that.ranges.size() != ranges.size()
                || !that.accumulator.sameSetAs(accumulator) || !that.rewards.sameSetAs(rewards)) {
            return false;
        }
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).range() != that.ranges.get(i).range() || !ranges.get(i).factor().sameSetAs(that.ranges.get(i).factor())) {
                return false;
            }
        }
        return true;
    }

    /** From the ranges only (the hashes' representations are not unique). */
    @Override
    public int hashCode() {
        return ranges.stream().mapToInt(RangeFactor::range).reduce(17, (h, r) -> 31 * h + r);
    }
}
