package io.numicoin.explorer.web.view;

import io.numicoin.explorer.api.ExplorerViews.ReorgView;
import java.util.List;

/**
 * One reorganisation as a fork: the block it forked at, the branch it made stale and the branch
 * that replaced it (each oldest first, bounded), for the fork-tree page.
 */
public record ForkView(ReorgView reorg, List<ForkBlock> staleBranch, List<ForkBlock> activeBranch) {

    /** A block of one branch: id, height, and whether it is on the active chain now. */
    public record ForkBlock(String id, long height, boolean active) {
    }
}
