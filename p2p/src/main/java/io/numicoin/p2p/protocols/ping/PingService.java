package io.numicoin.p2p.protocols.ping;

import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.Host;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.host.Stream;
import io.numicoin.p2p.host.StreamException;
import io.numicoin.p2p.host.StreamListener;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * ping ({@code /ipfs/ping/1.0.0}): the initiator sends 32 random bytes, the responder echoes them;
 * the round-trip time is measured. The responder echoes every 32-byte block until the initiator
 * closes the stream.
 */
public final class PingService {

    public static final ProtocolId PROTOCOL = ProtocolId.of("/ipfs/ping/1.0.0");
    public static final int PAYLOAD = 32;
    private static final long TIMEOUT_SECONDS = 10;

    private final SecureRandom random = new SecureRandom();

    public void install(Host host) {
        host.setStreamHandler(PROTOCOL, PingService::echo);
    }

    /**
     * Echoes whole 32-byte blocks, with at most one reply outstanding: while a reply waits for the
     * peer's window (or the socket), the stream stops being read, so its window is not returned and a
     * peer that never reads cannot make the echo queue grow.
     */
    private static void echo(Stream stream) {
        stream.setListener(new StreamListener() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
            private CompletableFuture<Void> reply = CompletableFuture.completedFuture(null);

            @Override
            public void onData(Stream s, byte[] data) {
                pending.writeBytes(data);
                if (reply.isDone() && pending.size() >= PAYLOAD) {
                    byte[] all = pending.toByteArray();
                    int whole = all.length - all.length % PAYLOAD;
                    pending.reset();
                    pending.write(all, whole, all.length - whole);
                    reply = s.write(Arrays.copyOf(all, whole));
                    if (!reply.isDone()) {
                        s.pauseReading();
                        reply.whenComplete((v, e) -> s.resumeReading());
                    }
                }
            }

            @Override
            public void onRemoteClosed(Stream s) {
                reply.whenComplete((v, e) -> s.closeWrite());
            }
        });
    }

    /** Pings the peer on {@code connection} once; completes with the round-trip time. */
    public CompletableFuture<Duration> ping(Connection connection) {
        byte[] payload = new byte[PAYLOAD];
        random.nextBytes(payload);
        CompletableFuture<Duration> result = new CompletableFuture<>();
        connection.newStream(PROTOCOL).whenComplete((stream, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            long start = System.nanoTime();
            stream.setListener(new StreamListener() {
                private final ByteArrayOutputStream echo = new ByteArrayOutputStream();

                @Override
                public void onData(Stream s, byte[] data) {
                    echo.writeBytes(data);
                    if (echo.size() >= PAYLOAD) {
                        long rtt = System.nanoTime() - start;
                        if (Arrays.equals(Arrays.copyOf(echo.toByteArray(), PAYLOAD), payload)) {
                            result.complete(Duration.ofNanos(rtt));
                        } else {
                            result.completeExceptionally(new StreamException(StreamException.Kind.PROTOCOL_ERROR, "ping echo differs"));
                        }
                        s.closeWrite();
                    }
                }

                @Override
                public void onRemoteClosed(Stream s) {
                    result.completeExceptionally(new StreamException(StreamException.Kind.PROTOCOL_ERROR, "ping stream closed"));
                }

                @Override
                public void onReset(Stream s) {
                    result.completeExceptionally(new StreamException(StreamException.Kind.STREAM_RESET, "ping stream reset"));
                }
            });
            stream.write(payload);
            result.orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((d, e) -> {
                if (e != null) {
                    stream.reset();
                }
            });
        });
        return result;
    }
}
