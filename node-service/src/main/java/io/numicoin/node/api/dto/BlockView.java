package io.numicoin.node.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A block: its header's fields, where it stands and its transactions' ids. In a range
 * ({@link BlockPage}) {@code txIds} is left out; for a block whose body is not stored yet,
 * {@code size}, {@code transactionCount} and {@code txIds} are.
 *
 * @param status the node's validation status: HEADER_ONLY, DATA_AVAILABLE, VALID, INVALID, INVALID_ANCESTOR
 * @param mainChain whether the block is on the active chain
 * @param confirmations blocks from this one to the tip inclusive; 0 off the active chain
 * @param nextId the active chain's next block, absent at the tip and off the active chain
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlockView(
        String id,
        long height,
        int version,
        String previousId,
        String nextId,
        String merkleRoot,
        String stateCommitment,
        long timestamp,
        String time,
        TargetView target,
        String nonce,
        String cumulativeWork,
        String status,
        boolean mainChain,
        long confirmations,
        Integer size,
        Integer transactionCount,
        List<String> txIds) {
}
