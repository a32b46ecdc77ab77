package io.numicoin.support.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose next request does not arrive in full (headers and body) within the
 * deadline. The clock starts when the connection opens and again when the last response on it has
 * been written; it stops when a request's last content has been read. Sits right after the HTTP
 * codec, so it sees decoded messages; a client sending one byte a second (slowloris) keeps the
 * reader busy but still meets the deadline. A request being handled (a block import, a live
 * stream) is never cut off: only waiting for request bytes is timed.
 */
final class RequestDeadlineHandler extends ChannelDuplexHandler {

    private final long timeoutMillis;
    private ScheduledFuture<?> deadline;  // event-loop thread only
    private long requestsRead;
    private long responsesWritten;

    RequestDeadlineHandler(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            arm(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (deadline == null) {
            arm(ctx);
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof LastHttpContent) {
            requestsRead++;
            cancel();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent) {
            promise.addListener(written -> {
                responsesWritten++;
                if (responsesWritten >= requestsRead && ctx.channel().isActive()) {
                    arm(ctx);  // waiting for the next request on this kept-alive connection
                }
            });
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    private void arm(ChannelHandlerContext ctx) {
        cancel();
        Runnable close = ctx::close;
        deadline = ctx.executor().schedule(close, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
