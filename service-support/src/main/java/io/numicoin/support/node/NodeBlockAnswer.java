package io.numicoin.support.node;

import io.numicoin.protocol.hash.Hash256;

/**
 * {@code POST /api/v1/blocks}'s 200 answer (docs/api.md): the block's id and height, the outcome
 * ({@code CONNECTED}, {@code SIDE_BRANCH}, {@code ORPHANED}, {@code ALREADY_KNOWN}) and the depth of
 * the reorganisation it caused.
 */
public record NodeBlockAnswer(Hash256 id, long height, String outcome, int reorgDepth) {
}
