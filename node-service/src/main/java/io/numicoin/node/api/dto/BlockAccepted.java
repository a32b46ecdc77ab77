package io.numicoin.node.api.dto;

import java.util.List;

/**
 * A submitted block the node took: what importing it did.
 *
 * @param outcome {@code CONNECTED}, {@code SIDE_BRANCH}, {@code ORPHANED} or {@code ALREADY_KNOWN}
 * @param reorgDepth blocks the active chain lost (0 for a plain extension)
 * @param changes the active chain's moves, disconnections first
 */
public record BlockAccepted(String id, long height, String outcome, int reorgDepth, List<ChainChangeView> changes) {

    /** One block connected to or disconnected from the active chain. */
    public record ChainChangeView(String kind, String id, long height) {
    }
}
