package io.numicoin.p2p.protocols.identify;

import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.multiaddr.MultiaddrException;
import io.numicoin.p2p.protobuf.ProtoReader;
import io.numicoin.p2p.protobuf.ProtoWriter;
import io.numicoin.p2p.protobuf.ProtobufException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identify message (libp2p/specs identify): {@code protocolVersion = 5, agentVersion = 6,
 * publicKey = 1, listenAddrs = 2 (repeated), observedAddr = 4, protocols = 3 (repeated)}; other
 * fields (the signed peer record) are read past. Listen addresses this module cannot parse are
 * dropped, not fatal. Bounded: {@value #MAX_ADDRS} addresses, {@value #MAX_PROTOCOLS} protocols.
 */
public record IdentifyMessage(
        String protocolVersion,
        String agentVersion,
        byte[] publicKey,
        List<Multiaddr> listenAddrs,
        Optional<Multiaddr> observedAddr,
        List<String> protocols) {

    public static final int MAX_ADDRS = 64;
    public static final int MAX_PROTOCOLS = 256;
    public static final int MAX_STRING = 1024;

    public IdentifyMessage {
        publicKey = publicKey.clone();
        listenAddrs = List.copyOf(listenAddrs);
        protocols = List.copyOf(protocols);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public byte[] encode() {
        ProtoWriter w = new ProtoWriter();
        w.writeBytes(1, publicKey);
        for (Multiaddr a : listenAddrs) {
            w.writeBytes(2, a.toBytes());
        }
        for (String p : protocols) {
            w.writeString(3, p);
        }
        observedAddr.ifPresent(a -> w.writeBytes(4, a.toBytes()));
        w.writeString(5, protocolVersion);
        w.writeString(6, agentVersion);
        return w.toByteArray();
    }

    public static IdentifyMessage decode(byte[] bytes) throws ProtobufException {
        String protocolVersion = "";
        String agentVersion = "";
        byte[] publicKey = new byte[0];
        List<Multiaddr> listen = new ArrayList<>();
        Multiaddr observed = null;
        List<String> protocols = new ArrayList<>();
        int addrsSeen = 0;
        ProtoReader r = new ProtoReader(bytes);
        while (r.next()) {
            switch (r.field()) {
                case 1 -> publicKey = r.readBytes(MAX_STRING);
                case 2 -> {
                    if (++addrsSeen > MAX_ADDRS) {
                        throw new ProtobufException("more than " + MAX_ADDRS + " listen addresses");
                    }
                    parseAddr(r.readBytes(Multiaddr.MAX_BYTES)).ifPresent(listen::add);
                }
                case 3 -> {
                    if (protocols.size() == MAX_PROTOCOLS) {
                        throw new ProtobufException("more than " + MAX_PROTOCOLS + " protocols");
                    }
                    protocols.add(r.readString(MAX_STRING));
                }
                case 4 -> observed = parseAddr(r.readBytes(Multiaddr.MAX_BYTES)).orElse(null);
                case 5 -> protocolVersion = r.readString(MAX_STRING);
                case 6 -> agentVersion = r.readString(MAX_STRING);
                default -> r.skip();
            }
        }
        return new IdentifyMessage(protocolVersion, agentVersion, publicKey, listen, Optional.ofNullable(observed), protocols);
    }

    private static Optional<Multiaddr> parseAddr(byte[] bytes) {
        try {
            return Optional.of(Multiaddr.fromBytes(bytes));
        } catch (MultiaddrException e) {
            return Optional.empty();
        }
    }
}
