package io.numicoin.support.http;

import io.netty.channel.ChannelPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Applies {@link HttpLimits}' timeouts to a Reactor Netty server: {@code idleTimeout} for kept-alive
 * connections, and a {@link RequestDeadlineHandler} after the HTTP codec of every connection for
 * {@code readTimeout}.
 */
public final class HttpTimeoutsCustomizer implements NettyServerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(HttpTimeoutsCustomizer.class);
    static final String HANDLER_NAME = "numi.requestDeadline";

    private final HttpLimits limits;

    public HttpTimeoutsCustomizer(HttpLimits limits) {
        this.limits = limits;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        long readMillis = limits.readTimeout().toMillis();
        return server.idleTimeout(limits.idleTimeout())
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    ChannelPipeline pipeline = channel.pipeline();
                    if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                        pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new RequestDeadlineHandler(readMillis));
                    } else {
                        log.warn("no HTTP/1.1 codec on a new connection from {}: its read timeout is not applied", remoteAddress);
                    }
                });
    }
}
