package io.numicoin.p2p.protocols.identify;

import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.FrameListener;
import io.numicoin.p2p.host.Host;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.host.Stream;
import io.numicoin.p2p.host.StreamException;
import io.numicoin.p2p.host.StreamListener;
import io.numicoin.p2p.identity.Libp2pPublicKey;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.protobuf.ProtobufException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * identify ({@code /ipfs/id/1.0.0}): answers each inbound stream with one length-prefixed
 * {@link IdentifyMessage} and closes it; {@link #identify} asks a peer and checks that the public
 * key it announces is the one its connection authenticated.
 */
public final class IdentifyService {

    public static final ProtocolId PROTOCOL = ProtocolId.of("/ipfs/id/1.0.0");
    public static final int MAX_MESSAGE = 64 * 1024;
    private static final long TIMEOUT_SECONDS = 10;

    private final NodeIdentity identity;
    private final HostConfig config;
    private final Host host;

    public IdentifyService(NodeIdentity identity, HostConfig config, Host host) {
        this.identity = identity;
        this.config = config;
        this.host = host;
    }

    public void install() {
        host.setStreamHandler(PROTOCOL, this::serve);
    }

    /** The message this node sends on {@code connection}. */
    public IdentifyMessage messageFor(Connection connection) {
        List<String> protocols = host.protocols().stream().map(ProtocolId::value).sorted().toList();
        return new IdentifyMessage(config.protocolVersion(), config.agentVersion(), identity.publicKey().encode(),
                host.listenAddresses(), java.util.Optional.of(connection.remoteAddress()), protocols);
    }

    private void serve(Stream stream) {
        stream.setListener(new StreamListener() {
            @Override
            public void onData(Stream s, byte[] data) {
                // identify requests carry nothing
            }
        });
        stream.writeFrame(messageFor(stream.connection()).encode());
        stream.closeWrite();
    }

    /** Asks the peer on {@code connection} to identify itself. */
    public CompletableFuture<IdentifyMessage> identify(Connection connection) {
        CompletableFuture<IdentifyMessage> result = new CompletableFuture<>();
        connection.newStream(PROTOCOL).whenComplete((stream, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            stream.setListener(FrameListener.frames(MAX_MESSAGE, new FrameListener() {
                @Override
                public void onFrame(Stream s, byte[] frame) {
                    try {
                        IdentifyMessage message = IdentifyMessage.decode(frame);
                        if (!Libp2pPublicKey.decode(message.publicKey()).peerId().equals(connection.remotePeer())) {
                            throw new ProtobufException("the announced public key is not the peer's");
                        }
                        result.complete(message);
                    } catch (ProtobufException e) {
                        result.completeExceptionally(new StreamException(StreamException.Kind.PROTOCOL_ERROR, "identify: " + e.getMessage()));
                        s.reset();
                    }
                }

                @Override
                public void onRemoteClosed(Stream s) {
                    result.completeExceptionally(new StreamException(StreamException.Kind.PROTOCOL_ERROR, "identify: no message"));
                }

                @Override
                public void onReset(Stream s) {
                    result.completeExceptionally(new StreamException(StreamException.Kind.STREAM_RESET, "identify stream reset"));
                }
            }));
            stream.closeWrite();
            result.orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((m, e) -> {
                if (e != null) {
                    stream.reset();
                }
            });
        });
        return result;
    }
}
