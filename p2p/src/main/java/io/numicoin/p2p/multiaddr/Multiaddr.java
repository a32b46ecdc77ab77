package io.numicoin.p2p.multiaddr;

import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.protobuf.ProtobufException;
import io.numicoin.p2p.protobuf.UnsignedVarint;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A multiaddr (multiformats/multiaddr): a path of protocol/value components such as
 * {@code /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW...}, with its text and binary forms. Bounded: at most
 * {@value #MAX_COMPONENTS} components, {@value #MAX_BYTES} binary bytes and {@value #MAX_TEXT}
 * characters of text; protocols outside {@link Protocol} are refused.
 */
public record Multiaddr(List<Component> components) {

    public static final int MAX_COMPONENTS = 16;
    public static final int MAX_BYTES = 1024;
    public static final int MAX_TEXT = 2048;

    public Multiaddr {
        components = List.copyOf(components);
        if (components.isEmpty() || components.size() > MAX_COMPONENTS) {
            throw new MultiaddrException("a multiaddr has 1.." + MAX_COMPONENTS + " components");
        }
    }

    /** Parses the text form. @throws MultiaddrException when malformed or unsupported */
    public static Multiaddr parse(String text) {
        if (text.length() > MAX_TEXT) {
            throw new MultiaddrException("multiaddr text longer than " + MAX_TEXT);
        }
        if (!text.startsWith("/")) {
            throw new MultiaddrException("a multiaddr starts with '/': '" + text + "'");
        }
        String[] parts = text.substring(1).split("/", -1);
        List<Component> out = new ArrayList<>();
        int i = 0;
        while (i < parts.length) {
            if (i == parts.length - 1 && parts[i].isEmpty() && !out.isEmpty()) {
                break; // one trailing slash
            }
            Protocol protocol = Protocol.byText(parts[i++]);
            if (protocol.size() == 0) {
                out.add(new Component(protocol, new byte[0]));
                continue;
            }
            if (i >= parts.length) {
                throw new MultiaddrException(protocol.text() + " needs a value in '" + text + "'");
            }
            out.add(Component.parse(protocol, parts[i++]));
            if (out.size() > MAX_COMPONENTS) {
                throw new MultiaddrException("more than " + MAX_COMPONENTS + " components");
            }
        }
        return new Multiaddr(out);
    }

    /** Decodes the binary form. @throws MultiaddrException when malformed or unsupported */
    public static Multiaddr fromBytes(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new MultiaddrException("a binary multiaddr has 1.." + MAX_BYTES + " bytes");
        }
        List<Component> out = new ArrayList<>();
        int pos = 0;
        try {
            while (pos < bytes.length) {
                if (out.size() == MAX_COMPONENTS) {
                    throw new MultiaddrException("more than " + MAX_COMPONENTS + " components");
                }
                UnsignedVarint.Decoded code = UnsignedVarint.decode(bytes, pos, Integer.MAX_VALUE);
                pos += code.length();
                Protocol protocol = Protocol.byCode(code.value());
                int size = protocol.size();
                if (size < 0) {
                    UnsignedVarint.Decoded length = UnsignedVarint.decode(bytes, pos, MAX_BYTES);
                    pos += length.length();
                    size = (int) length.value();
                }
                if (size > bytes.length - pos) {
                    throw new MultiaddrException(protocol.text() + " value runs past the end");
                }
                byte[] value = new byte[size];
                System.arraycopy(bytes, pos, value, 0, size);
                pos += size;
                out.add(new Component(protocol, value));
            }
        } catch (ProtobufException e) {
            throw new MultiaddrException("bad varint in multiaddr: " + e.getMessage());
        }
        return new Multiaddr(out);
    }

    /** {@code /ip4/<a>/tcp/<port>} or {@code /ip6/<a>/tcp/<port>} for a resolved socket address. */
    public static Multiaddr tcp(InetSocketAddress address) {
        byte[] ip = address.getAddress().getAddress();
        Protocol family = address.getAddress() instanceof Inet4Address ? Protocol.IP4 : Protocol.IP6;
        return new Multiaddr(List.of(new Component(family, ip),
                new Component(Protocol.TCP, new byte[] {(byte) (address.getPort() >> 8), (byte) address.getPort()})));
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Component c : components) {
            out.writeBytes(UnsignedVarint.encode(c.protocol().code()));
            byte[] value = c.value();
            if (c.protocol().size() < 0) {
                out.writeBytes(UnsignedVarint.encode(value.length));
            }
            out.writeBytes(value);
        }
        return out.toByteArray();
    }

    /** The peer id of a trailing {@code /p2p/...} component, if any. */
    public Optional<PeerId> peerId() {
        Component last = components.getLast();
        return last.protocol() == Protocol.P2P ? Optional.of(PeerId.fromBytes(last.value())) : Optional.empty();
    }

    /** This address without a trailing {@code /p2p/...}. */
    public Multiaddr withoutPeerId() {
        if (peerId().isEmpty()) {
            return this;
        }
        return new Multiaddr(components.subList(0, components.size() - 1));
    }

    /** This address ending in {@code /p2p/<peer>} (replacing any there). */
    public Multiaddr withPeerId(PeerId peer) {
        List<Component> out = new ArrayList<>(withoutPeerId().components);
        out.add(new Component(Protocol.P2P, peer.toBytes()));
        return new Multiaddr(out);
    }

    /**
     * The TCP endpoint of an {@code /ip4|ip6|dns|dns4|dns6/<host>/tcp/<port>} prefix, unresolved for
     * DNS names. @throws MultiaddrException for any other shape
     */
    public InetSocketAddress toTcpSocketAddress() {
        if (components.size() < 2 || components.get(1).protocol() != Protocol.TCP) {
            throw new MultiaddrException("not a TCP multiaddr: " + this);
        }
        Component host = components.get(0);
        int port = components.get(1).port();
        return switch (host.protocol()) {
            case IP4, IP6 -> new InetSocketAddress(host.address(), port);
            case DNS, DNS4, DNS6 -> InetSocketAddress.createUnresolved(host.valueText(), port);
            default -> throw new MultiaddrException("not a TCP multiaddr: " + this);
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Component c : components) {
            sb.append(c);
        }
        return sb.toString();
    }
}
