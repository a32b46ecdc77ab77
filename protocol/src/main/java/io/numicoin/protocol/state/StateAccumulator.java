package io.numicoin.protocol.state;

import io.numicoin.protocol.address.Address;
import java.util.Optional;

/** Updates a state hash when one entry changes: the old element out, the new element in. */
final class StateAccumulator {

    private StateAccumulator() {
    }

    static MuHash3072 replaceAccount(MuHash3072 accumulator, Address address, Account before, Account after) {
        MuHash3072 result = accumulator;
        if (!before.isEmpty()) {
            result = result.remove(StateElementCodec.encode(new AccountEntry(address, before)));
        }
        if (!after.isEmpty()) {
            result = result.insert(StateElementCodec.encode(new AccountEntry(address, after)));
        }
        return result;
    }

    static MuHash3072 replaceReward(MuHash3072 accumulator, Optional<ImmatureReward> before, Optional<ImmatureReward> after) {
        MuHash3072 result = accumulator;
        if (before.isPresent()) {
            result = result.remove(StateElementCodec.encode(before.get()));
        }
        if (after.isPresent()) {
            result = result.insert(StateElementCodec.encode(after.get()));
        }
        return result;
    }
}
