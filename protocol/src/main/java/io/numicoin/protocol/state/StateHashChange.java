package io.numicoin.protocol.state;

import io.numicoin.protocol.address.Address;
import java.util.List;
import java.util.Objects;

/**
 * How a block moves the state's set hash, as the state rules computed it: the new
 * {@code accumulator}, and the factors that took the old one there — one per changed account (its
 * new element in, its old one out: a fraction, {@link MuHash3072#EMPTY} for neither) and one for
 * all immature-reward changes. Multiplying the old accumulator by every factor gives the new one, so
 * a store that keeps partial hashes (per address range, say) can move them without hashing any
 * element again. Equal when the hashes are of the same sets ({@link MuHash3072#sameSetAs}).
 */
public record StateHashChange(MuHash3072 accumulator, List<AccountFactor> accounts, MuHash3072 rewards) {

    /** The factor of one changed account: {@code element(after) / element(before)}, empty accounts left out. */
    public record AccountFactor(Address address, MuHash3072 factor) {
        public AccountFactor {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(factor, "factor");
        }
    }

    public StateHashChange {
        Objects.requireNonNull(accumulator, "accumulator");
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(rewards, "rewards");
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof StateHashChange that) || that.accounts.size() != accounts.size()
                || !that.accumulator.sameSetAs(accumulator) || !that.rewards.sameSetAs(rewards)) {
            return false;
        }
        for (int i = 0; i < accounts.size(); i++) {
            if (!accounts.get(i).address().equals(that.accounts.get(i).address())
                    || !accounts.get(i).factor().sameSetAs(that.accounts.get(i).factor())) {
                return false;
            }
        }
        return true;
    }

    /** From the addresses only (the hashes' representations are not unique). */
    @Override
    public int hashCode() {
        return accounts.stream().mapToInt(a -> a.address().hashCode()).reduce(17, (h, a) -> 31 * h + a);
    }
}
