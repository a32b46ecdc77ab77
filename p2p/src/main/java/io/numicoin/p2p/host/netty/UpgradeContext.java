package io.numicoin.p2p.host.netty;

import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.host.StreamHandler;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.mux.yamux.YamuxConfig;
import java.util.function.Function;

/** What every connection {@link Upgrade} of one host shares: its identity, settings, switches, counts and registry. */
record UpgradeContext(NodeIdentity identity, HostConfig config, YamuxConfig yamuxConfig, HostSwitches switches,
        InboundSlots inboundSlots, Function<ProtocolId, StreamHandler> handlers, ConnectionRegistry connections,
        OutboundQueueMeter queueMeter) {
}
