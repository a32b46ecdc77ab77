package io.numicoin.node.storage;

import io.numicoin.protocol.state.AccountEntry;
import io.numicoin.protocol.state.ImmatureReward;
import io.numicoin.protocol.state.MuHash3072;
import io.numicoin.protocol.state.StateChanges;
import io.numicoin.protocol.state.StateElementCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a state's {@link MuHash3072} across a write: the elements the touched entries held
 * before come out, the ones they hold after go in. For a connect the "before" side is exactly
 * what the undo data writes back and the "after" side what the diff writes; for a disconnect it
 * is the reverse.
 */
public final class AccumulatorMath {

    private AccumulatorMath() {
    }

    /** {@code accumulator} with the elements of {@code before} removed and those of {@code after} added. */
    public static MuHash3072 replace(MuHash3072 accumulator, StateChanges before, StateChanges after) {
        return replace(accumulator, elements(before), elements(after));
    }

    public static MuHash3072 replace(MuHash3072 accumulator, List<byte[]> removed, List<byte[]> added) {
        MuHash3072 out = MuHash3072.EMPTY;
        for (byte[] element : removed) {
            out = out.insert(element);
        }
        MuHash3072 in = MuHash3072.EMPTY;
        for (byte[] element : added) {
            in = in.insert(element);
        }
        return accumulator.combine(in).subtract(out);
    }

    /**
     * The state elements that {@code changes} leaves in place: every non-empty account it sets and
     * every reward it puts (deleted rewards and emptied accounts are not elements).
     */
    public static List<byte[]> elements(StateChanges changes) {
        List<byte[]> elements = new ArrayList<>(changes.accounts().size() + changes.rewardsPut().size());
        for (AccountEntry entry : changes.accounts()) {
            if (!entry.account().isEmpty()) {
                elements.add(StateElementCodec.encode(entry));
            }
        }
        for (ImmatureReward reward : changes.rewardsPut()) {
            elements.add(StateElementCodec.encode(reward));
        }
        return elements;
    }
}
