package io.numicoin.node.p2p.discovery;

import io.numicoin.p2p.multiaddr.Component;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libp2p mDNS on the local network (IPv4, 224.0.0.251:5353): answers {@value MdnsCodec#SERVICE}
 * queries with this host's addresses, queries every {@code interval}, and hands the addresses of
 * other peers it hears to a consumer. A wildcard listen address is announced as each interface's
 * IPv4 address. Best effort: where multicast is unavailable it logs once and stays silent.
 */
public final class MdnsDiscovery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MdnsDiscovery.class);
    public static final InetSocketAddress GROUP = new InetSocketAddress("224.0.0.251", 5353);

    private final PeerId self;
    private final Supplier<List<Multiaddr>> listenAddresses;
    private final Duration interval;
    private final String peerName;
    private volatile MulticastSocket socket;
    private volatile Thread receiver;
    private volatile Thread querier;

    public MdnsDiscovery(PeerId self, Supplier<List<Multiaddr>> listenAddresses, Duration interval, Random random) {
        this.self = self;
        this.listenAddresses = listenAddresses;
        this.interval = interval;
        StringBuilder name = new StringBuilder();
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 32; i++) {
            name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        this.peerName = name.toString();
    }

    /** The answer to {@code packet}, if it is a query for libp2p peers. */
    public java.util.Optional<byte[]> answer(byte[] packet) {
        if (!MdnsCodec.isPeerQuery(packet)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(MdnsCodec.response(peerName, announced()));
    }

    /** Addresses of other peers in {@code packet}, if it is a response. */
    public List<Multiaddr> heard(byte[] packet) {
        try {
            return MdnsCodec.parseResponse(packet).stream()
                    .filter(a -> !a.peerId().orElseThrow().equals(self)).toList();
        } catch (MdnsException e) {
            return List.of();
        }
    }

    /** The addresses announced: the listen addresses with a wildcard expanded, each with {@code /p2p/<self>}. */
    public List<Multiaddr> announced() {
        List<Multiaddr> out = new ArrayList<>();
        for (Multiaddr listen : listenAddresses.get()) {
            Component first = listen.components().getFirst();
            boolean wildcard = (first.protocol() == io.numicoin.p2p.multiaddr.Protocol.IP4
                    || first.protocol() == io.numicoin.p2p.multiaddr.Protocol.IP6) && first.address().isAnyLocalAddress();
            if (!wildcard) {
                out.add(listen.withPeerId(self));
                continue;
            }
            int port = listen.components().get(1).port();
            for (InetAddress ip : interfaceAddresses()) {
                out.add(Multiaddr.tcp(new InetSocketAddress(ip, port)).withPeerId(self));
            }
        }
        return out;
    }

    public void start(Consumer<List<Multiaddr>> found) {
        try {
            MulticastSocket s = new MulticastSocket(null);
            s.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            s.bind(new InetSocketAddress(GROUP.getPort()));
            s.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nif.isUp() && nif.supportsMulticast()) {
                    try {
                        s.joinGroup(GROUP, nif);
                    } catch (IOException e) {
                        log.debug("mDNS: cannot join on {}: {}", nif.getName(), e.toString());
                    }
                }
            }
            socket = s;
        } catch (IOException e) {
            log.info("mDNS unavailable: {}", e.toString());
            return;
        }
        receiver = Thread.ofPlatform().daemon().name("numi-mdns").start(() -> receive(found));
        querier = Thread.ofPlatform().daemon().name("numi-mdns-query").start(this::queryLoop);
    }

    private void receive(Consumer<List<Multiaddr>> found) {
        byte[] buffer = new byte[9000];
        while (socket != null && !socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] data = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                java.util.Optional<byte[]> answer = answer(data);
                if (answer.isPresent()) {
                    socket.send(new DatagramPacket(answer.get(), answer.get().length, GROUP));
                    continue;
                }
                List<Multiaddr> peers = heard(data);
                if (!peers.isEmpty()) {
                    found.accept(peers);
                }
            } catch (IOException | RuntimeException e) {
                if (socket == null || socket.isClosed()) {
                    return;
                }
                log.debug("mDNS receive: {}", e.toString());
            }
        }
    }

    private void queryLoop() {
        byte[] query = MdnsCodec.query();
        while (socket != null && !socket.isClosed()) {
            try {
                socket.send(new DatagramPacket(query, query.length, GROUP));
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                log.debug("mDNS query: {}", e.toString());
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private static List<InetAddress> interfaceAddresses() {
        List<InetAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nif.isUp()) {
                    Collections.list(nif.getInetAddresses()).stream().filter(a -> a instanceof Inet4Address).forEach(out::add);
                }
            }
        } catch (SocketException e) {
            log.debug("mDNS: cannot list interfaces: {}", e.toString());
        }
        return out;
    }

    @Override
    public void close() {
        MulticastSocket s = socket;
        socket = null;
        if (s != null) {
            s.close();
        }
        if (querier != null) {
            querier.interrupt();
        }
    }
}
