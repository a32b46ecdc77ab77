package io.numicoin.node.storage;

import io.numicoin.protocol.chain.BlockStatus;

/**
 * The fixed codes {@code block_index.status} stores for each {@link BlockStatus}. Explicit codes,
 * not ordinals, so reordering the enum can never change what a stored row means.
 */
public final class BlockStatusCode {

    public static final short HEADER_ONLY = 0;
    public static final short DATA_AVAILABLE = 1;
    public static final short VALID = 2;
    public static final short INVALID = 3;
    public static final short INVALID_ANCESTOR = 4;
    /** At or below the snapshot base (V3__snapshot_base_and_reject_reasons.sql). */
    public static final short FROM_SNAPSHOT = 5;

    private BlockStatusCode() {
    }

    public static short of(BlockStatus status) {
        return switch (status) {
            case HEADER_ONLY -> HEADER_ONLY;
            case DATA_AVAILABLE -> DATA_AVAILABLE;
            case VALID -> VALID;
            case INVALID -> INVALID;
            case INVALID_ANCESTOR -> INVALID_ANCESTOR;
            case FROM_SNAPSHOT -> FROM_SNAPSHOT;
        };
    }

    public static BlockStatus status(int code) {
        return switch (code) {
            case HEADER_ONLY -> BlockStatus.HEADER_ONLY;
            case DATA_AVAILABLE -> BlockStatus.DATA_AVAILABLE;
            case VALID -> BlockStatus.VALID;
            case INVALID -> BlockStatus.INVALID;
            case INVALID_ANCESTOR -> BlockStatus.INVALID_ANCESTOR;
            case FROM_SNAPSHOT -> BlockStatus.FROM_SNAPSHOT;
            default -> throw new IllegalArgumentException("unknown block status code " + code);
        };
    }
}
