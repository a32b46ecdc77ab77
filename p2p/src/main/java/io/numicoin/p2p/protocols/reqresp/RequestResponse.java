package io.numicoin.p2p.protocols.reqresp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.FrameListener;
import io.numicoin.p2p.host.Host;
import io.numicoin.p2p.host.Stream;
import io.numicoin.p2p.host.StreamException;
import io.numicoin.p2p.host.StreamListener;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.protobuf.ProtobufException;
import io.numicoin.p2p.protobuf.UnsignedVarint;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Request/response over libp2p streams: one stream per request; the requester writes the request
 * prefixed with its length (unsigned varint) and closes its side; the responder writes the
 * response the same way and closes. Sizes and time are bounded by {@link RequestResponseProtocol}.
 * A request that arrives while its stream is not writable (the connection holds half its outbound
 * cap, see {@code HostConfig.maxQueuedBytesPerConnection}) is refused with a reset before the handler
 * runs; the response itself waits for the peer's window in the stream's queue.
 */
public final class RequestResponse {

    private RequestResponse() {
    }

    /** Serves {@code protocol} on {@code host} with {@code handler}. */
    public static void serve(Host host, RequestResponseProtocol protocol, RequestHandler handler) {
        host.setStreamHandler(protocol.id(), stream -> serveStream(stream, protocol, handler));
    }

    private static void serveStream(Stream stream, RequestResponseProtocol protocol, RequestHandler handler) {
        CompletableFuture<byte[]> response = new CompletableFuture<>();
        response.orTimeout(protocol.timeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((bytes, failure) -> {
            if (failure != null || bytes.length > protocol.maxResponseBytes()) {
                stream.reset();
                return;
            }
            stream.writeFrame(bytes);
            stream.closeWrite();
        });
        stream.setListener(FrameListener.frames(protocol.maxRequestBytes(), new FrameListener() {
            private boolean seen;

            @Override
            public void onFrame(Stream s, byte[] request) {
                if (seen) {
                    response.completeExceptionally(new IllegalStateException("a second request on one stream"));
                    return;
                }
                seen = true;
                if (!s.isWritable()) {
                    // the connection already holds half its outbound cap: a peer that does not read its
                    // responses gets no more work done for it
                    response.completeExceptionally(new IllegalStateException("the peer is not reading its responses"));
                    return;
                }
                try {
                    handler.handle(s.remotePeer(), request).whenComplete((bytes, failure) -> {
                        if (failure != null) {
                            response.completeExceptionally(failure);
                        } else {
                            response.complete(bytes);
                        }
                    });
                } catch (RuntimeException e) {
                    response.completeExceptionally(e);
                }
            }

            @Override
            public void onRemoteClosed(Stream s) {
                if (!seen) {
                    response.completeExceptionally(new IllegalStateException("closed without a request"));
                }
            }

            @Override
            public void onReset(Stream s) {
                response.completeExceptionally(new IllegalStateException("reset"));
            }
        }));
    }

    /** Sends {@code request} to a connected {@code peer}. */
    public static CompletableFuture<byte[]> request(Host host, PeerId peer, RequestResponseProtocol protocol, byte[] request) {
        return host.connection(peer)
                .map(c -> request(c, protocol, request))
                .orElseGet(() -> failed(RequestResponseException.Kind.NOT_CONNECTED, "not connected to " + peer));
    }

    /** Sends {@code request} on {@code connection}; completes with the response. */
    public static CompletableFuture<byte[]> request(Connection connection, RequestResponseProtocol protocol, byte[] request) {
        if (request.length > protocol.maxRequestBytes()) {
            return failed(RequestResponseException.Kind.TOO_LARGE,
                    "request of " + request.length + " bytes, limit " + protocol.maxRequestBytes());
        }
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        CompletableFuture<Stream> opening = connection.newStream(protocol.id());
        opening.whenComplete((stream, failure) -> {
            if (failure != null) {
                result.completeExceptionally(translate(failure));
                return;
            }
            stream.setListener(new ResponseReader(protocol, result));
            stream.writeFrame(request);
            stream.closeWrite();
            result.whenComplete((r, e) -> {
                if (e != null) {
                    stream.reset();
                }
            });
        });
        return result.orTimeout(protocol.timeout().toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof TimeoutException) {
                opening.thenAccept(Stream::reset);
                return failed(RequestResponseException.Kind.TIMEOUT, "no response within " + protocol.timeout());
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private static Throwable translate(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof StreamException se) {
            RequestResponseException.Kind kind = switch (se.kind()) {
                case PROTOCOL_NOT_SUPPORTED -> RequestResponseException.Kind.PROTOCOL_NOT_SUPPORTED;
                case STREAM_RESET, STREAM_LIMIT -> RequestResponseException.Kind.STREAM_RESET;
                case CONNECTION_CLOSED -> RequestResponseException.Kind.NOT_CONNECTED;
                case TIMEOUT -> RequestResponseException.Kind.TIMEOUT;
                case TOO_LARGE -> RequestResponseException.Kind.TOO_LARGE;
                case PROTOCOL_ERROR -> RequestResponseException.Kind.PROTOCOL_ERROR;
            };
            return new RequestResponseException(kind, se.getMessage());
        }
        return cause;
    }

    private static CompletableFuture<byte[]> failed(RequestResponseException.Kind kind, String message) {
        return CompletableFuture.failedFuture(new RequestResponseException(kind, message));
    }

    /** Reads one length-prefixed response, refusing one over the limit as soon as its length is known. */
    private static final class ResponseReader implements StreamListener {
        private final RequestResponseProtocol protocol;
        private final CompletableFuture<byte[]> result;
        private final ByteBuf pending = Unpooled.buffer();

        ResponseReader(RequestResponseProtocol protocol, CompletableFuture<byte[]> result) {
            this.protocol = protocol;
            this.result = result;
        }

        @Override
        public void onData(Stream stream, byte[] data) {
            if (result.isDone()) {
                return;
            }
            pending.writeBytes(data);
            int mark = pending.readerIndex();
            long length;
            try {
                length = UnsignedVarint.tryRead(pending, Long.MAX_VALUE >>> 1);
            } catch (ProtobufException e) {
                fail(stream, RequestResponseException.Kind.PROTOCOL_ERROR, "bad length prefix: " + e.getMessage());
                return;
            }
            if (length == UnsignedVarint.INCOMPLETE) {
                return;
            }
            if (length > protocol.maxResponseBytes()) {
                fail(stream, RequestResponseException.Kind.TOO_LARGE,
                        "response of " + length + " bytes, limit " + protocol.maxResponseBytes());
                return;
            }
            if (pending.readableBytes() < length) {
                pending.readerIndex(mark);
                return;
            }
            byte[] response = new byte[(int) length];
            pending.readBytes(response);
            pending.release();
            result.complete(response);
        }

        @Override
        public void onRemoteClosed(Stream stream) {
            if (!result.isDone()) {
                result.completeExceptionally(new RequestResponseException(RequestResponseException.Kind.PROTOCOL_ERROR,
                        "the peer closed the stream without a complete response"));
            }
        }

        @Override
        public void onReset(Stream stream) {
            if (!result.isDone()) {
                result.completeExceptionally(new RequestResponseException(RequestResponseException.Kind.STREAM_RESET,
                        "the peer reset the stream"));
            }
        }

        private void fail(Stream stream, RequestResponseException.Kind kind, String message) {
            result.completeExceptionally(new RequestResponseException(kind, message));
            stream.reset();
        }
    }
}
