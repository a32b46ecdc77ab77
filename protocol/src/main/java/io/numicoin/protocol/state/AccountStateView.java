package io.numicoin.protocol.state;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.hash.Hash256;
import java.util.Optional;

/**
 * Read access to the account state after some block: what {@link StateTransition} needs to check
 * and apply the next one. Implementations: {@link InMemoryAccountState}, the node's database view.
 */
public interface AccountStateView {

    /** The account at {@code address}, or {@link Account#ZERO} when it does not exist. */
    Account account(Address address);

    /** The reward paid by the coinbase at {@code paidAtHeight}, while it has not matured. */
    Optional<ImmatureReward> immatureReward(long paidAtHeight);

    /** The set hash of every element of this state. */
    MuHash3072 accumulator();

    /** {@link StateCommitment} of {@link #accumulator()}: what the header of this state's block holds. */
    default Hash256 commitment() {
        return StateCommitment.of(accumulator());
    }
}
