package io.numicoin.node.integrity;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Hash256;
import java.util.Optional;

/**
 * One block of the active chain as stored: its {@code main_chain} height and id and its
 * {@code block_index} header bytes, not yet trusted.
 *
 * @param header the decoded header, empty when the bytes do not decode
 */
record ActiveBlock(long height, Hash256 id, Hash256 parentId, byte[] headerBytes, Optional<BlockHeader> header) {
}
