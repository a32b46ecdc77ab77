package io.numicoin.seed.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS over UDP: {@code workers} threads receive on one channel, answer through the responder and
 * send the reply to the source. A datagram longer than {@link DnsResponder#MAX_QUERY_BYTES} or a
 * client over its rate is dropped without a reply.
 */
final class UdpDnsServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UdpDnsServer.class);

    private final DatagramChannel channel;
    private final DnsResponder responder;
    private final ClientRateLimiter limiter;
    private final DnsMetrics metrics;
    private final List<Thread> workers = new ArrayList<>();

    UdpDnsServer(InetSocketAddress bind, DnsResponder responder, ClientRateLimiter limiter, DnsMetrics metrics) throws IOException {
        this.channel = DatagramChannel.open();
        try {
            channel.bind(bind);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        this.responder = responder;
        this.limiter = limiter;
        this.metrics = metrics;
    }

    InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    void start(int threads) {
        for (int i = 0; i < threads; i++) {
            Thread t = Thread.ofPlatform().daemon().name("seed-dns-udp-" + i).start(this::serve);
            workers.add(t);
        }
    }

    private void serve() {
        // One byte more than a query may have: a datagram that fills it is too long (the rest is discarded by the channel).
        ByteBuffer in = ByteBuffer.allocate(DnsResponder.MAX_QUERY_BYTES + 1);
        while (channel.isOpen()) {
            try {
                in.clear();
                SocketAddress from = channel.receive(in);
                if (!(from instanceof InetSocketAddress client) || in.position() > DnsResponder.MAX_QUERY_BYTES) {
                    metrics.reply(DnsTransport.UDP, DnsReply.Kind.DROPPED);
                    continue;
                }
                if (!limiter.tryAcquire(client.getAddress())) {
                    metrics.rateLimited(DnsTransport.UDP);
                    continue;
                }
                DnsReply reply = responder.respond(in.array(), in.position(), DnsTransport.UDP);
                metrics.reply(DnsTransport.UDP, reply.kind());
                if (reply.wire().isPresent()) {
                    channel.send(ByteBuffer.wrap(reply.wire().get()), client);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.debug("UDP query failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        for (Thread t : workers) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
