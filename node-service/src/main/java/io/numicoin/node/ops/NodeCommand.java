package io.numicoin.node.ops;

/** A command mode of the node ({@code --numi.command=...}): runs once, then the process exits with its code. */
@FunctionalInterface
public interface NodeCommand {

    /** @return the exit code: 0 done, 1 failed (the reason is logged) */
    int run();
}
