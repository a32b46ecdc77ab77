package io.numicoin.p2p.multistream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.numicoin.p2p.host.ProtocolId;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a multistream-select negotiation on a whole channel (the security and muxer steps of a
 * connection upgrade). On success it calls {@code onSelected} — which installs the next handler
 * after this one — and removes itself, passing any bytes that followed to that next handler. On
 * failure it closes the channel.
 */
public final class ChannelNegotiationHandler extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(ChannelNegotiationHandler.class);

    private final Function<Negotiation.Output, Negotiation> factory;
    private final BiConsumer<ChannelHandlerContext, ProtocolId> onSelected;
    private Negotiation negotiation;
    private ChannelHandlerContext context;
    private ProtocolId selected;

    public ChannelNegotiationHandler(Function<Negotiation.Output, Negotiation> factory,
            BiConsumer<ChannelHandlerContext, ProtocolId> onSelected) {
        this.factory = factory;
        this.onSelected = onSelected;
    }

    public static ChannelNegotiationHandler dialer(ProtocolId protocol, BiConsumer<ChannelHandlerContext, ProtocolId> onSelected) {
        return new ChannelNegotiationHandler(out -> new DialerNegotiation(List.of(protocol), out), onSelected);
    }

    public static ChannelNegotiationHandler listener(ProtocolId protocol, BiConsumer<ChannelHandlerContext, ProtocolId> onSelected) {
        return new ChannelNegotiationHandler(out -> new ListenerNegotiation(protocol::equals, out), onSelected);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
        negotiation = factory.apply(new Negotiation.Output() {
            @Override
            public void send(byte[] message) {
                context.writeAndFlush(Unpooled.wrappedBuffer(message));
            }

            @Override
            public void selected(ProtocolId protocol) {
                selected = protocol;
            }

            @Override
            public void failed(Negotiation.Failure failure, String detail) {
                log.debug("{}: multistream negotiation failed: {} {}", context.channel(), failure, detail);
                context.close();
            }
        });
        if (ctx.channel().isActive()) {
            negotiation.start();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        negotiation.start();
        super.channelActive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (negotiation.isDone()) {
            in.skipBytes(in.readableBytes());
            return;
        }
        negotiation.onData(in);
        if (selected != null) {
            onSelected.accept(ctx, selected);
            ctx.pipeline().remove(this);
        }
    }
}
