package io.numicoin.protocol.validation;

import java.util.Objects;

/**
 * Why a block was rejected.
 *
 * @param txIndex the offending transaction's index in the block, or -1 when the rule is about the block
 */
public record BlockRejection(BlockRejectReason reason, int txIndex, String detail) {

    public BlockRejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    public static BlockRejection of(BlockRejectReason reason, String detail) {
        return new BlockRejection(reason, -1, detail);
    }

    public static BlockRejection atTransaction(BlockRejectReason reason, int txIndex, String detail) {
        return new BlockRejection(reason, txIndex, detail);
    }

    @Override
    public String toString() {
        return reason + (txIndex >= 0 ? " (transaction " + txIndex + ")" : "") + ": " + detail;
    }
}
