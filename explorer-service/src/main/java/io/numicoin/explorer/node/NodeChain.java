package io.numicoin.explorer.node;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The node's tip ({@code GET /api/v1/chain}, docs/api.md): the fields the explorer reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NodeChain(String network, String tipId, long height, String cumulativeWork) {
}
