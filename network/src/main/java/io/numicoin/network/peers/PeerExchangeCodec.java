package io.numicoin.network.peers;

import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.multiaddr.MultiaddrException;
import io.numicoin.p2p.protobuf.ProtobufException;
import io.numicoin.p2p.protobuf.UnsignedVarint;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code /numi/<network>/peers/1} messages. Request: an unsigned varint, the most addresses
 * wanted (1..{@value #MAX_ADDRESSES}). Response: up to that many entries, each an unsigned varint
 * length and a binary multiaddr ending in {@code /p2p/<id>}. Anything else is refused with a
 * {@link PeerExchangeException}.
 */
public final class PeerExchangeCodec {

    public static final int MAX_ADDRESSES = 64;
    public static final int MAX_REQUEST_BYTES = 9;
    public static final int MAX_RESPONSE_BYTES = MAX_ADDRESSES * (2 + Multiaddr.MAX_BYTES);

    private PeerExchangeCodec() {
    }

    public static byte[] encodeRequest(int max) {
        if (max < 1 || max > MAX_ADDRESSES) {
            throw new IllegalArgumentException("ask for 1.." + MAX_ADDRESSES + " addresses");
        }
        return UnsignedVarint.encode(max);
    }

    public static int decodeRequest(byte[] request) throws PeerExchangeException {
        try {
            UnsignedVarint.Decoded d = UnsignedVarint.decode(request, 0, MAX_ADDRESSES);
            if (d.length() != request.length || d.value() < 1) {
                throw new PeerExchangeException("request is not one varint in 1.." + MAX_ADDRESSES);
            }
            return (int) d.value();
        } catch (ProtobufException e) {
            throw new PeerExchangeException("bad request: " + e.getMessage());
        }
    }

    public static byte[] encodeResponse(List<Multiaddr> addresses) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Multiaddr a : addresses.subList(0, Math.min(addresses.size(), MAX_ADDRESSES))) {
            byte[] bytes = a.toBytes();
            out.writeBytes(UnsignedVarint.encode(bytes.length));
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** @param max the count asked for: a response holding more is refused */
    public static List<Multiaddr> decodeResponse(byte[] response, int max) throws PeerExchangeException {
        List<Multiaddr> out = new ArrayList<>();
        int pos = 0;
        try {
            while (pos < response.length) {
                if (out.size() == max) {
                    throw new PeerExchangeException("more than the " + max + " addresses asked for");
                }
                UnsignedVarint.Decoded length = UnsignedVarint.decode(response, pos, Multiaddr.MAX_BYTES);
                pos += length.length();
                if (length.value() > response.length - pos) {
                    throw new PeerExchangeException("address runs past the end");
                }
                byte[] bytes = java.util.Arrays.copyOfRange(response, pos, pos + (int) length.value());
                pos += bytes.length;
                Multiaddr address = Multiaddr.fromBytes(bytes);
                if (address.peerId().isEmpty()) {
                    throw new PeerExchangeException("address without /p2p/: " + address);
                }
                out.add(address);
            }
        } catch (ProtobufException | MultiaddrException e) {
            throw new PeerExchangeException("bad response: " + e.getMessage());
        }
        return out;
    }
}
