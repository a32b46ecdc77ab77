package io.numicoin.p2p.security.noise;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageCodec;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Noise transport messages after the handshake: each is a 2-byte big-endian length and a
 * ChaCha20-Poly1305 ciphertext of at most 65535 bytes. Outbound plaintext is split to fit; inbound
 * ciphertext that fails authentication closes the channel (logged at debug).
 */
public final class NoiseTransportCodec extends ByteToMessageCodec<ByteBuf> {

    private static final Logger log = LoggerFactory.getLogger(NoiseTransportCodec.class);
    /** Most plaintext one message carries. */
    public static final int MAX_PLAINTEXT = NoiseXxHandshake.MAX_MESSAGE - CipherState.TAG_BYTES;

    private final CipherState send;
    private final CipherState receive;
    private boolean failed;

    public NoiseTransportCodec(CipherState send, CipherState receive) {
        this.send = send;
        this.receive = receive;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) {
        while (msg.isReadable()) {
            byte[] plaintext = new byte[Math.min(MAX_PLAINTEXT, msg.readableBytes())];
            msg.readBytes(plaintext);
            byte[] ciphertext = send.encrypt(new byte[0], plaintext);
            out.writeShort(ciphertext.length);
            out.writeBytes(ciphertext);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!failed && in.readableBytes() >= 2) {
            int length = in.getUnsignedShort(in.readerIndex());
            if (in.readableBytes() < 2 + length) {
                return;
            }
            in.skipBytes(2);
            byte[] ciphertext = new byte[length];
            in.readBytes(ciphertext);
            try {
                byte[] plaintext = receive.decrypt(new byte[0], ciphertext);
                if (plaintext.length > 0) {
                    out.add(ctx.alloc().buffer(plaintext.length).writeBytes(plaintext));
                }
            } catch (NoiseException e) {
                failed = true;
                log.debug("{}: dropping connection: Noise transport message: {}", ctx.channel(), e.getMessage());
                ctx.close();
            }
        }
        if (failed) {
            in.skipBytes(in.readableBytes());
        }
    }
}
