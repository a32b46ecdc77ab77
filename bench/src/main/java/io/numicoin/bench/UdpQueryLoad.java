package io.numicoin.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop DNS load over UDP: {@code clients} threads each send one query, wait for its answer
 * (matched by id; 200 ms and it counts as lost), and send the next, for a fixed time. The figure is
 * answers per second.
 */
final class UdpQueryLoad {

    private UdpQueryLoad() {
    }

    static double answersPerSecond(InetSocketAddress server, byte[] query, int clients, Duration duration) throws Exception {
        LongAdder answered = new LongAdder();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().name("dns-load-" + c).start(() -> {
                try (DatagramSocket socket = new DatagramSocket()) {
                    socket.connect(server);
                    socket.setSoTimeout(200);
                    byte[] q = query.clone();
                    byte[] in = new byte[4096];
                    int id = client << 12;
                    while (System.nanoTime() < end) {
                        id = (id + 1) & 0xffff;
                        q[0] = (byte) (id >>> 8);
                        q[1] = (byte) id;
                        socket.send(new DatagramPacket(q, q.length));
                        try {
                            while (true) {
                                DatagramPacket p = new DatagramPacket(in, in.length);
                                socket.receive(p);
                                if (p.getLength() >= 12 && ((in[0] & 0xff) << 8 | (in[1] & 0xff)) == id) {
                                    answered.increment();
                                    break;
                                }
                            }
                        } catch (SocketTimeoutException lost) {
                            // counted by its absence
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        long start = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        return answered.sum() / ((System.nanoTime() - start) / 1e9);
    }
}
