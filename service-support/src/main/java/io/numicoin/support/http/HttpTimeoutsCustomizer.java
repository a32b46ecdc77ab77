package io.numicoin.support.http;

import io.netty.channel.ChannelPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Applies {@link HttpLimits}' timeouts to a Reactor Netty server: a {@link RequestDeadlineHandler}
 * around the HTTP codec of every connection ({@code idleTimeout} while no request is coming,
 * {@code readTimeout} from a request's first byte to its last).
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
        long idleMillis = limits.idleTimeout().toMillis();
        return server.idleTimeout(limits.idleTimeout())
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    ChannelPipeline pipeline = channel.pipeline();
                    if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                        RequestDeadlineHandler deadlines = new RequestDeadlineHandler(readMillis, idleMillis);
                        pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, deadlines);
                        pipeline.addBefore(NettyPipeline.HttpCodec, HANDLER_NAME + ".start", deadlines.rawReads());
                    } else {
                        log.warn("no HTTP/1.1 codec on a new connection from {}: its read timeout is not applied", remoteAddress);
                    }
                });
    }
}
