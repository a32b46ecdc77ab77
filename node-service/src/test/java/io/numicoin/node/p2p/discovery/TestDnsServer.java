package io.numicoin.node.p2p.discovery;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal authoritative DNS server over UDP on 127.0.0.1 for tests: answers A, AAAA and TXT
 * (and ANY) questions from records added with {@link #a}, {@link #aaaa} and {@link #txt}; unknown
 * names get NXDOMAIN. One question per query, no compression in questions, pointer to the question
 * name in answers.
 */
final class TestDnsServer implements AutoCloseable {

    static final int A = 1;
    static final int TXT = 16;
    static final int AAAA = 28;
    static final int ANY = 255;

    private record Rr(int type, byte[] data) {
    }

    private final DatagramSocket socket;
    private final Map<String, List<Rr>> records = new ConcurrentHashMap<>();
    private final AtomicInteger queries = new AtomicInteger();
    private final Thread thread;

    TestDnsServer() throws Exception {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = Thread.ofPlatform().daemon().name("test-dns").start(this::serve);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    int queries() {
        return queries.get();
    }

    TestDnsServer a(String name, String ip) throws Exception {
        return add(name, A, InetAddress.getByName(ip).getAddress());
    }

    TestDnsServer aaaa(String name, String ip) throws Exception {
        return add(name, AAAA, InetAddress.getByName(ip).getAddress());
    }

    TestDnsServer txt(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[bytes.length + 1];
        data[0] = (byte) bytes.length;
        System.arraycopy(bytes, 0, data, 1, bytes.length);
        return add(name, TXT, data);
    }

    private TestDnsServer add(String name, int type, byte[] data) {
        records.computeIfAbsent(key(name), k -> new ArrayList<>()).add(new Rr(type, data));
        return this;
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                queries.incrementAndGet();
                byte[] answer = answer(ByteBuffer.wrap(packet.getData(), 0, packet.getLength()));
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (Exception e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private byte[] answer(ByteBuffer query) {
        int id = query.getShort() & 0xFFFF;
        int flags = query.getShort() & 0xFFFF;
        query.position(12);
        int questionStart = 12;
        StringBuilder name = new StringBuilder();
        for (int len = query.get() & 0xFF; len != 0; len = query.get() & 0xFF) {
            byte[] label = new byte[len];
            query.get(label);
            name.append(new String(label, StandardCharsets.US_ASCII)).append('.');
        }
        int type = query.getShort() & 0xFFFF;
        query.getShort(); // class
        byte[] question = java.util.Arrays.copyOfRange(query.array(), questionStart, query.position());
        List<Rr> known = records.get(key(name.toString()));
        List<Rr> matching = known == null ? List.of() : known.stream().filter(r -> type == ANY || r.type() == type).toList();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(12);
        header.putShort((short) id);
        header.putShort((short) (0x8400 | (flags & 0x0100) | (known == null ? 3 : 0)));   // QR, AA, RD copied, NXDOMAIN
        header.putShort((short) 1).putShort((short) matching.size()).putShort((short) 0).putShort((short) 0);
        out.writeBytes(header.array());
        out.writeBytes(question);
        for (Rr rr : matching) {
            ByteBuffer b = ByteBuffer.allocate(12 + rr.data().length);
            b.putShort((short) 0xC00C).putShort((short) rr.type()).putShort((short) 1).putInt(60)
                    .putShort((short) rr.data().length).put(rr.data());
            out.writeBytes(b.array());
        }
        return out.toByteArray();
    }

    private static String key(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n : n + ".";
    }

    @Override
    public void close() {
        socket.close();
    }
}
