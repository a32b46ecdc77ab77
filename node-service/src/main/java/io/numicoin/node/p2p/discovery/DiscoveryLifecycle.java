package io.numicoin.node.p2p.discovery;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts {@link DiscoveryService} after the node's p2p service has started listening (a later
 * phase) and stops it before. Idle, with one log line, when the node has no libp2p host.
 */
public final class DiscoveryLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DiscoveryLifecycle.class);
    private final DiscoveryService service;
    private volatile boolean running;

    DiscoveryLifecycle(DiscoveryService service) {
        this.service = service;
    }

    /** The running service, when the node has a host. */
    public Optional<DiscoveryService> service() {
        return Optional.ofNullable(service);
    }

    @Override
    public void start() {
        if (service == null) {
            log.info("no libp2p host in this node: discovery idle");
        } else {
            service.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        if (service != null) {
            service.close();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after NodeP2pService (DEFAULT_PHASE - 2048) listens, before the web server
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
