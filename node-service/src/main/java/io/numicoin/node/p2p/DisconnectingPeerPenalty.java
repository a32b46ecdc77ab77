package io.numicoin.node.p2p;

import io.numicoin.node.p2p.hooks.PeerConnector;
import io.numicoin.node.p2p.hooks.PeerPenalty;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.p2p.peer.PeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The default {@link PeerPenalty} until the peers package provides scoring and bans: counts every
 * penalty in {@code numi.p2p.penalties} (tagged with reason and severity) and disconnects on
 * {@link PeerPenalty.Severity#FATAL}.
 */
public final class DisconnectingPeerPenalty implements PeerPenalty {

    private static final Logger log = LoggerFactory.getLogger(DisconnectingPeerPenalty.class);

    private final ObjectProvider<PeerConnector> connector;
    private final MeterRegistry meters;

    public DisconnectingPeerPenalty(ObjectProvider<PeerConnector> connector, MeterRegistry meters) {
        this.connector = connector;
        this.meters = meters;
    }

    @Override
    public void penalise(PeerId peer, Reason reason, Severity severity, String detail) {
        Counter.builder("numi.p2p.penalties").description("Penalties given to misbehaving peers")
                .tag("reason", reason.name()).tag("severity", severity.name()).register(meters).increment();
        if (severity == Severity.FATAL) {
            log.info("disconnecting {}: {} ({})", peer, reason, detail);
            connector.getObject().disconnect(peer);
        } else {
            log.debug("peer {} penalised: {} {} ({})", peer, reason, severity, detail);
        }
    }
}
