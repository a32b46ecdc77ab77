package io.numicoin.p2p.security.noise;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.numicoin.p2p.identity.Libp2pPublicKey;
import io.numicoin.p2p.identity.NodeIdentity;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Noise XX handshake on a channel, each message framed by a 2-byte big-endian length.
 * When done it calls {@link Completion#secured} (which should install a {@link NoiseTransportCodec}
 * after this handler) and removes itself; bytes that followed the last handshake message go to the
 * next handler. Any failure closes the channel, logged at debug.
 */
public final class NoiseHandshakeHandler extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(NoiseHandshakeHandler.class);

    /** Called once the remote's identity is verified. */
    @FunctionalInterface
    public interface Completion {
        void secured(ChannelHandlerContext ctx, Libp2pPublicKey remote, CipherState send, CipherState receive);
    }

    private final NoiseXxHandshake handshake;
    private final Completion completion;
    private int received;
    private boolean finished;

    public NoiseHandshakeHandler(boolean initiator, NodeIdentity identity, Completion completion) {
        this.handshake = new NoiseXxHandshake(initiator, identity);
        this.completion = completion;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (handshake.isInitiator()) {
            send(ctx, handshake.writeMessage1());
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (finished) {
            return;
        }
        if (in.readableBytes() < 2) {
            return;
        }
        int length = in.getUnsignedShort(in.readerIndex());
        if (in.readableBytes() < 2 + length) {
            return;
        }
        in.skipBytes(2);
        byte[] message = new byte[length];
        in.readBytes(message);
        try {
            onMessage(ctx, message);
        } catch (NoiseException e) {
            finished = true;
            in.skipBytes(in.readableBytes());
            log.debug("{}: Noise handshake failed: {}", ctx.channel(), e.getMessage());
            ctx.close();
        }
    }

    private void onMessage(ChannelHandlerContext ctx, byte[] message) throws NoiseException {
        received++;
        if (handshake.isInitiator()) {
            handshake.readMessage2(message);
            send(ctx, handshake.writeMessage3());
            finish(ctx);
        } else if (received == 1) {
            handshake.readMessage1(message);
            send(ctx, handshake.writeMessage2());
        } else {
            handshake.readMessage3(message);
            finish(ctx);
        }
    }

    private void finish(ChannelHandlerContext ctx) {
        finished = true;
        CipherState[] ciphers = handshake.split();
        completion.secured(ctx, handshake.remoteIdentity(), ciphers[0], ciphers[1]);
        if (!ctx.isRemoved()) {
            ctx.pipeline().remove(this);
        }
    }

    private static void send(ChannelHandlerContext ctx, byte[] message) {
        ByteBuf frame = ctx.alloc().buffer(2 + message.length);
        frame.writeShort(message.length);
        frame.writeBytes(message);
        ctx.writeAndFlush(frame);
    }
}
