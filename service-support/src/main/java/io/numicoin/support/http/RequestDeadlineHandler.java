package io.numicoin.support.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Times what a connection waits for. Idle (no byte of the next request yet): closed after the idle
 * timeout. Reading (the first byte of a request arrived): its headers and body must all arrive within
 * the read timeout, or the connection is closed, so a client sending one byte a second (slowloris)
 * is cut off. Handling (the request arrived in full, its response is not written yet): not timed, so
 * a block import or a live stream is never cut off. Two parts: {@link #rawReads()} sits before the
 * HTTP codec and sees the first byte; this handler sits after it and sees whole requests and responses.
 * Event-loop thread only.
 */
final class RequestDeadlineHandler extends ChannelDuplexHandler {

    private enum Phase { IDLE, READING, HANDLING }

    private final long readMillis;
    private final long idleMillis;
    private final RawReads rawReads = new RawReads();
    private ChannelHandlerContext context;
    private Phase phase = Phase.IDLE;
    private ScheduledFuture<?> deadline;
    private long requestsRead;
    private long responsesWritten;

    RequestDeadlineHandler(long readMillis, long idleMillis) {
        this.readMillis = readMillis;
        this.idleMillis = idleMillis;
    }

    /** The part that goes before the HTTP codec: the first raw byte of a request starts its read deadline. */
    ChannelHandler rawReads() {
        return rawReads;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
        if (ctx.channel().isActive()) {
            idle();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (deadline == null && phase == Phase.IDLE) {
            idle();
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof LastHttpContent) {
            requestsRead++;
            phase = Phase.HANDLING;
            cancel();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent) {
            promise.addListener(written -> {
                responsesWritten++;
                if (responsesWritten >= requestsRead && phase == Phase.HANDLING && ctx.channel().isActive()) {
                    idle();  // waiting for the next request on this kept-alive connection
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

    private void idle() {
        phase = Phase.IDLE;
        arm(idleMillis);
    }

    private void firstByte() {
        if (phase == Phase.IDLE) {
            phase = Phase.READING;
            arm(readMillis);
        }
    }

    private void arm(long millis) {
        cancel();
        ChannelHandlerContext ctx = context;
        Runnable close = ctx::close;
        deadline = ctx.executor().schedule(close, millis, TimeUnit.MILLISECONDS);
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    /** Before the codec: any bytes while idle are the start of a request. */
    private final class RawReads extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (context != null) {
                firstByte();
            }
            super.channelRead(ctx, msg);
        }
    }
}
