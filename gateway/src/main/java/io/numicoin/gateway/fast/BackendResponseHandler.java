package io.numicoin.gateway.fast;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;

/** The end of a backend connection's pipeline: hands what the backend sends to the read using the connection, if any. */
final class BackendResponseHandler extends ChannelInboundHandlerAdapter {

    private ProxiedRead owner;

    static BackendResponseHandler of(Channel channel) {
        return channel.pipeline().get(BackendResponseHandler.class);
    }

    void attach(ProxiedRead read) {
        owner = read;
    }

    void detach() {
        owner = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (owner != null && msg instanceof HttpObject object) {
            owner.fromBackend(object);
        } else {
            // an answer nobody asked for: the connection is out of step, not reusable
            ReferenceCountUtil.release(msg);
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (owner != null) {
            owner.backendFailed(new IOException("the backend closed the connection"));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (owner != null) {
            owner.backendFailed(cause);
        }
        ctx.close();
    }
}
