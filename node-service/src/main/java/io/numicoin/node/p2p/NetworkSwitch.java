package io.numicoin.node.p2p;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.Host;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's p2p networking switched off and on by an operator, as Bitcoin Core's
 * {@code setnetworkactive}: off drops every peer, refuses inbound connections (the listener stays
 * bound) and stops dialling (the bootstrap redial and discovery's dial, seed and exchange rounds
 * skip while off); on lets them run again and dials the bootstrap list at once. The chain, the APIs,
 * block submissions and the node's miners keep working: a node switched off is a partition of one.
 * Not persisted: a restarted node has its networking on. Metrics {@code numi.p2p.network_active}
 * (1 or 0) and {@code numi.p2p.network_switched_off} (times switched off).
 */
public final class NetworkSwitch {

    private static final Logger log = LoggerFactory.getLogger(NetworkSwitch.class);

    /**
     * What a switch did.
     *
     * @param peersDropped distinct peers disconnected by switching off
     * @param connectionsClosed their connections (two peers may hold one each way)
     * @param peers peers connected after the switch
     */
    public record State(boolean active, int peersDropped, int connectionsClosed, int peers) {
    }

    private final Host host;
    private final Runnable dialBootstrapNow;
    private final Counter switchedOff;

    public NetworkSwitch(Host host, Runnable dialBootstrapNow, MeterRegistry meters) {
        this.host = host;
        this.dialBootstrapNow = dialBootstrapNow;
        Gauge.builder("numi.p2p.network_active", host, h -> h.networkActive() ? 1 : 0)
                .description("1 while the node's p2p networking is on, 0 while an operator has switched it off").register(meters);
        this.switchedOff = Counter.builder("numi.p2p.network_switched_off")
                .description("Times an operator switched the node's p2p networking off").register(meters);
    }

    /** Switches networking off (idempotent): every peer dropped, nothing accepted or dialled until {@link #on()}. */
    public synchronized State off() {
        if (!host.networkActive()) {
            return state(0, 0);
        }
        int peers = peers();
        int closed = host.setNetworkActive(false);
        switchedOff.increment();
        log.warn("p2p network OFF by the operator: {} peers dropped ({} connections); inbound refused, dialling and discovery "
                + "stopped (the API, block submissions and mining go on)", peers, closed);
        return state(peers, closed);
    }

    /** Switches networking on (idempotent) and dials the bootstrap list at once. */
    public synchronized State on() {
        if (host.networkActive()) {
            return state(0, 0);
        }
        host.setNetworkActive(true);
        log.warn("p2p network ON by the operator: accepting peers and dialling again");
        dialBootstrapNow.run();
        return state(0, 0);
    }

    public boolean active() {
        return host.networkActive();
    }

    private int peers() {
        return (int) host.connections().stream().map(Connection::remotePeer).distinct().count();
    }

    private State state(int dropped, int closed) {
        return new State(host.networkActive(), dropped, closed, peers());
    }
}
