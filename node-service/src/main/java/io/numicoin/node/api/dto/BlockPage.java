package io.numicoin.node.api.dto;

import java.util.List;

/** Active-chain blocks at heights {@code from..to} (inclusive), ascending, without tx ids. */
public record BlockPage(long from, long to, List<BlockView> blocks) {
}
