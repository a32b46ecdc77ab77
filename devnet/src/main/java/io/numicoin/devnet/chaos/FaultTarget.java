package io.numicoin.devnet.chaos;

import io.numicoin.support.node.NodeChainTip;
import java.io.IOException;

/** What the fault injector does to a running devnet. */
public interface FaultTarget {

    /** {@code kill -9} of a service; returns once it has exited. */
    void kill(String service);

    /** Starts a killed service again; returns once it is ready. */
    void restart(String service) throws IOException;

    /** SIGSTOP: the process stops answering anything, its connections stay open. */
    void freeze(String service) throws IOException;

    /** SIGCONT. */
    void thaw(String service) throws IOException;

    /** The node's p2p networking switched off (admin {@code network-off}): its peers dropped, its API up. */
    void networkOff(String node) throws IOException;

    /** The node's p2p networking switched on again (admin {@code network-on}). */
    void networkOn(String node) throws IOException;

    /** The node's active tip: id, height, cumulative work. */
    NodeChainTip tip(String node) throws IOException;

    void stopKafka();

    void startKafka();

    void stopPostgres() throws IOException;

    void startPostgres() throws IOException;
}
