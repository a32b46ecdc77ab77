package io.numicoin.p2p.host.netty;

import io.netty.channel.Channel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The host's open Netty channels (listening sockets and connections), so that closing the host closes them all. */
final class OpenChannels {

    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();

    /** Holds a listening channel until the host closes. */
    void addListening(Channel channel) {
        channels.add(channel);
    }

    /** Holds a connection's channel until it closes. */
    void track(Channel channel) {
        channels.add(channel);
        channel.closeFuture().addListener(f -> channels.remove(channel));
    }

    void closeAll() {
        for (Channel ch : channels) {
            ch.close();
        }
    }
}
