package io.numicoin.node.p2p.discovery;

import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.multiaddr.MultiaddrException;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The DNS messages of libp2p mDNS discovery (libp2p/specs {@code discovery/mdns.md}): a query for
 * the PTR records of {@value #SERVICE}; a response whose PTR answer names the peer
 * ({@code <random>._p2p._udp.local}) and whose TXT record holds one {@code dnsaddr=<multiaddr>}
 * string per address, each ending in {@code /p2p/<id>}. The parser follows name compression
 * (bounded), reads the answer, authority and additional sections, and ignores records it does not
 * need; anything malformed yields {@link MdnsException}.
 */
public final class MdnsCodec {

    public static final String SERVICE = "_p2p._udp.local";
    static final int TYPE_PTR = 12;
    static final int TYPE_TXT = 16;
    static final int TYPE_ANY = 255;
    static final int CLASS_IN = 1;
    static final int TTL_SECONDS = 120;
    private static final int MAX_RECORDS = 64;
    private static final int MAX_POINTERS = 16;

    private MdnsCodec() {
    }

    /** A query for {@value #SERVICE} PTR records (id 0, as mDNS uses). */
    public static byte[] query() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        header(out, 0, 0, 1, 0, 0);
        writeName(out, SERVICE);
        u16(out, TYPE_PTR);
        u16(out, CLASS_IN);
        return out.toByteArray();
    }

    /** Whether {@code packet} is a query asking for {@value #SERVICE} (PTR or ANY). */
    public static boolean isPeerQuery(byte[] packet) {
        try {
            ByteBuffer in = ByteBuffer.wrap(packet);
            in.getShort();
            int flags = in.getShort() & 0xFFFF;
            int questions = in.getShort() & 0xFFFF;
            in.position(12);
            if ((flags & 0x8000) != 0 || questions > MAX_RECORDS) {
                return false;
            }
            for (int i = 0; i < questions; i++) {
                String name = readName(in, packet);
                int type = in.getShort() & 0xFFFF;
                in.getShort();
                if (name.equalsIgnoreCase(SERVICE) && (type == TYPE_PTR || type == TYPE_ANY)) {
                    return true;
                }
            }
            return false;
        } catch (MdnsException | BufferUnderflowException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The response announcing {@code addresses} (each with {@code /p2p/}) under {@code peerName}. */
    public static byte[] response(String peerName, List<Multiaddr> addresses) {
        String instance = peerName + "." + SERVICE;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        header(out, 0, 0x8400, 0, 1, 1);
        writeName(out, SERVICE);
        u16(out, TYPE_PTR);
        u16(out, CLASS_IN);
        u32(out, TTL_SECONDS);
        ByteArrayOutputStream ptr = new ByteArrayOutputStream();
        writeName(ptr, instance);
        u16(out, ptr.size());
        out.writeBytes(ptr.toByteArray());

        writeName(out, instance);
        u16(out, TYPE_TXT);
        u16(out, CLASS_IN);
        u32(out, TTL_SECONDS);
        ByteArrayOutputStream txt = new ByteArrayOutputStream();
        for (Multiaddr a : addresses) {
            byte[] s = ("dnsaddr=" + a).getBytes(StandardCharsets.US_ASCII);
            if (s.length <= 255) {
                txt.write(s.length);
                txt.writeBytes(s);
            }
        }
        u16(out, txt.size());
        out.writeBytes(txt.toByteArray());
        return out.toByteArray();
    }

    /** The {@code dnsaddr=} addresses of every TXT record under {@value #SERVICE} in a response. */
    public static List<Multiaddr> parseResponse(byte[] packet) throws MdnsException {
        try {
            ByteBuffer in = ByteBuffer.wrap(packet);
            in.getShort();
            int flags = in.getShort() & 0xFFFF;
            int qd = in.getShort() & 0xFFFF;
            int records = (in.getShort() & 0xFFFF) + (in.getShort() & 0xFFFF) + (in.getShort() & 0xFFFF);
            if ((flags & 0x8000) == 0) {
                throw new MdnsException("not a response");
            }
            if (qd > MAX_RECORDS || records > MAX_RECORDS) {
                throw new MdnsException("too many records");
            }
            for (int i = 0; i < qd; i++) {
                readName(in, packet);
                in.getInt();
            }
            List<Multiaddr> out = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                String name = readName(in, packet).toLowerCase(Locale.ROOT);
                int type = in.getShort() & 0xFFFF;
                in.getShort();
                in.getInt();
                int length = in.getShort() & 0xFFFF;
                if (length > in.remaining()) {
                    throw new MdnsException("record runs past the end");
                }
                int end = in.position() + length;
                if (type == TYPE_TXT && name.endsWith("." + SERVICE)) {
                    while (in.position() < end) {
                        int len = in.get() & 0xFF;
                        if (in.position() + len > end) {
                            throw new MdnsException("TXT string runs past its record");
                        }
                        byte[] s = new byte[len];
                        in.get(s);
                        dnsaddr(new String(s, StandardCharsets.US_ASCII), out);
                    }
                }
                in.position(end);
            }
            return out;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new MdnsException("truncated or malformed: " + e);
        }
    }

    private static void dnsaddr(String text, List<Multiaddr> out) {
        if (!text.startsWith("dnsaddr=")) {
            return;
        }
        try {
            Multiaddr address = Multiaddr.parse(text.substring("dnsaddr=".length()));
            if (address.peerId().isPresent()) {
                out.add(address);
            }
        } catch (MultiaddrException ignored) {
            // a malformed address of one peer does not spoil the others
        }
    }

    static String readName(ByteBuffer in, byte[] packet) throws MdnsException {
        StringBuilder name = new StringBuilder();
        int pointers = 0;
        int resume = -1;
        ByteBuffer cursor = in;
        while (true) {
            int len = cursor.get() & 0xFF;
            if (len == 0) {
                break;
            }
            if ((len & 0xC0) == 0xC0) {
                int target = ((len & 0x3F) << 8) | (cursor.get() & 0xFF);
                if (++pointers > MAX_POINTERS || target >= packet.length) {
                    throw new MdnsException("bad name pointer");
                }
                if (resume < 0) {
                    resume = cursor.position();
                }
                cursor = ByteBuffer.wrap(packet);
                cursor.position(target);
                continue;
            }
            if (len > 63 || name.length() + len > 255) {
                throw new MdnsException("bad label");
            }
            byte[] label = new byte[len];
            cursor.get(label);
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(new String(label, StandardCharsets.US_ASCII));
        }
        if (resume >= 0) {
            in.position(resume);
        } else if (cursor != in) {
            in.position(cursor.position());
        }
        return name.toString();
    }

    private static void header(ByteArrayOutputStream out, int id, int flags, int qd, int an, int ar) {
        u16(out, id);
        u16(out, flags);
        u16(out, qd);
        u16(out, an);
        u16(out, 0);
        u16(out, ar);
    }

    private static void writeName(ByteArrayOutputStream out, String name) {
        for (String label : name.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        out.write(0);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v);
    }

    private static void u32(ByteArrayOutputStream out, int v) {
        u16(out, v >>> 16);
        u16(out, v & 0xFFFF);
    }
}
