package io.numicoin.gateway.fast;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * One public connection's share of the fast read path, between Reactor Netty's HTTP codec and its
 * traffic handler: takes the requests {@link FastReads} answers out of the stream and lets every
 * other message on to Spring WebFlux unchanged. Answers leave in request order: while an answer of
 * the Spring side is still being written every request goes to the Spring side, and requests
 * pipelined behind a taken read wait (at most {@value #MAX_WAITING} messages) until its answer is
 * written.
 */
final class FastReadHandler extends ChannelDuplexHandler {

    static final int MAX_WAITING = 64;

    private final FastReads reads;
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    /** Requests passed to the Spring side whose answers have not been written to the end yet. */
    private int springAnswersDue;
    /** The body framing of a taken read (an empty last content) is dropped. */
    private boolean skippingBody;
    private ProxiedRead current;

    FastReadHandler(FastReads reads) {
        this.reads = reads;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (skippingBody && msg instanceof HttpContent content) {
            skippingBody = !(content instanceof LastHttpContent);
            content.release();
            return;
        }
        if (current != null) {
            if (waiting.size() >= MAX_WAITING) {
                ReferenceCountUtil.release(msg);
                ctx.close();
                return;
            }
            waiting.add(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            ProxiedRead read = springAnswersDue == 0 ? reads.take(ctx, request, this) : null;
            if (read != null) {
                current = read;
                skippingBody = !(request instanceof LastHttpContent);
                read.start();
                return;
            }
            springAnswersDue++;
        }
        ctx.fireChannelRead(msg);
    }

    /** The answer of {@code read} is written: the requests behind it go on. */
    void answered(ChannelHandlerContext ctx, ProxiedRead read) {
        if (current != read) {
            return;
        }
        current = null;
        while (current == null && !waiting.isEmpty() && ctx.channel().isActive()) {
            channelRead(ctx, waiting.poll());
        }
        if (current == null && !ctx.channel().config().isAutoRead()) {
            // Reactor Netty reads the next request itself after each answer it wrote; after ours this does
            ctx.read();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // only the Spring side's answers pass here (a taken read's are written from this handler's context)
        if (msg instanceof LastHttpContent && !(msg instanceof HttpResponse r && r.status().codeClass() == HttpStatusClass.INFORMATIONAL)) {
            springAnswersDue = Math.max(0, springAnswersDue - 1);
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (current != null && ctx.channel().isWritable()) {
            current.clientWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (current != null) {
            current.abandon();
            current = null;
        }
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        ctx.fireChannelInactive();
    }
}
