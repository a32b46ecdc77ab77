package io.numicoin.node.api.dto;

import java.util.List;

/** Encoded 128-byte headers of the active chain from height {@code from}, ascending, as hex. */
public record HeadersView(long from, int count, List<String> headers) {
}
