package io.numicoin.explorer.web;

import io.numicoin.protocol.params.NetworkParams;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.http.MediaType;
import org.springframework.boot.webflux.error.DefaultErrorAttributes;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Spring Boot's error page (a path no page serves, a failure outside the pages' own errors) gets what
 * the page layout needs: the assets, the network's name and a title; a client asking for JSON gets
 * Boot's attributes alone.
 */
public final class PageErrorAttributes extends DefaultErrorAttributes {

    private final StaticAssets assets;
    private final String network;

    public PageErrorAttributes(StaticAssets assets, NetworkParams params) {
        this.assets = assets;
        this.network = params.network().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<String, Object> getErrorAttributes(ServerRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        if (!request.headers().accept().contains(MediaType.TEXT_HTML)) {
            return attributes;  // a JSON error answer: nothing of the page layout
        }
        attributes.put("assets", assets);
        attributes.put("network", network);
        attributes.put("title", attributes.get("status") + " " + attributes.get("error"));
        return attributes;
    }
}
