package io.numicoin.gateway.fast;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Which headers cross the fast path, as Spring Cloud Gateway's header filters and the route's filters decide them. */
final class Headers {

    /** Hop-by-hop headers (Spring Cloud Gateway's {@code RemoveHopByHopHeadersFilter}), both ways. */
    private static final List<AsciiString> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
            HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.PROXY_AUTHORIZATION,
            HttpHeaderNames.PROXY_AUTHENTICATE, AsciiString.cached("x-application-context"), HttpHeaderNames.UPGRADE,
            AsciiString.cached("proxy-connection"));
    /**
     * Never passed to a backend: the client's credentials (every route removes them), the gateway's own
     * host, and the client's forwarding headers (Spring Cloud Gateway drops them from a peer it does not
     * trust as a proxy, and it trusts none).
     */
    private static final List<AsciiString> DROPPED = List.of(HttpHeaderNames.AUTHORIZATION, AsciiString.cached("x-api-key"),
            HttpHeaderNames.COOKIE, HttpHeaderNames.HOST, AsciiString.cached("forwarded"), AsciiString.cached("x-forwarded-for"),
            AsciiString.cached("x-forwarded-host"), AsciiString.cached("x-forwarded-port"), AsciiString.cached("x-forwarded-proto"),
            AsciiString.cached("x-forwarded-prefix"));

    private Headers() {
    }

    /** Copies the client's request headers a backend may see into {@code to}. */
    static void copyForwardable(HttpHeaders from, HttpHeaders to) {
        Iterator<Map.Entry<CharSequence, CharSequence>> entries = from.iteratorCharSequence();
        while (entries.hasNext()) {
            Map.Entry<CharSequence, CharSequence> entry = entries.next();
            CharSequence name = entry.getKey();
            if (!among(name, HOP_BY_HOP) && !among(name, DROPPED)) {
                to.add(name, entry.getValue());
            }
        }
    }

    /** Removes the hop-by-hop headers of a backend's answer (but {@code Transfer-Encoding}: the body keeps its framing). */
    static void removeHopByHop(HttpHeaders headers) {
        for (AsciiString name : HOP_BY_HOP) {
            if (name != HttpHeaderNames.TRANSFER_ENCODING) {
                headers.remove(name);
            }
        }
    }

    /** {@code host:port} of a backend instance, as its {@code Host} header. */
    static String authority(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static boolean among(CharSequence name, List<AsciiString> names) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).contentEqualsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
