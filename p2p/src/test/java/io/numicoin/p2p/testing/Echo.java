package io.numicoin.p2p.testing;

import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.Host;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.host.Stream;
import io.numicoin.p2p.host.StreamListener;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/** A raw echo protocol for tests: the responder writes back every byte and closes when the initiator does. */
public final class Echo {

    public static final ProtocolId PROTOCOL = ProtocolId.of("/interop/echo/1.0.0");
    private static final int CHUNK = 64 * 1024;

    private Echo() {
    }

    public static void serve(Host host) {
        host.setStreamHandler(PROTOCOL, stream -> stream.setListener(new StreamListener() {
            @Override
            public void onData(Stream s, byte[] data) {
                s.write(data);
            }

            @Override
            public void onRemoteClosed(Stream s) {
                s.closeWrite();
            }
        }));
    }

    /** Sends {@code payload} through the peer's echo and completes with what came back. */
    public static CompletableFuture<byte[]> roundTrip(Connection connection, byte[] payload) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        connection.newStream(PROTOCOL).whenComplete((stream, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            stream.setListener(new StreamListener() {
                @Override
                public void onData(Stream s, byte[] data) {
                    received.writeBytes(data);
                }

                @Override
                public void onRemoteClosed(Stream s) {
                    result.complete(received.toByteArray());
                }

                @Override
                public void onReset(Stream s) {
                    result.completeExceptionally(new IllegalStateException("echo stream reset after " + received.size() + " bytes"));
                }
            });
            for (int offset = 0; offset < payload.length; offset += CHUNK) {
                stream.write(Arrays.copyOfRange(payload, offset, Math.min(payload.length, offset + CHUNK)));
            }
            stream.closeWrite();
        });
        return result;
    }
}
