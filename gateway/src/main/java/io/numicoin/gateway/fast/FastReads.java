package io.numicoin.gateway.fast;

import io.micrometer.core.instrument.Counter;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.numicoin.gateway.backend.BackendPool;
import io.numicoin.gateway.client.Caller;
import io.numicoin.gateway.client.ClientAddressResolver;
import io.numicoin.gateway.key.ApiKey;
import io.numicoin.gateway.key.ApiKeyToken;
import io.numicoin.gateway.key.ApiKeyVerifier;
import io.numicoin.gateway.limit.Limits;
import io.numicoin.gateway.limit.TokenBuckets;
import io.numicoin.gateway.route.Backend;
import io.numicoin.gateway.route.PublicRoute;
import io.numicoin.gateway.route.PublicRoutes;
import io.numicoin.gateway.route.Scope;
import io.numicoin.gateway.web.AnswerLog;
import io.numicoin.gateway.web.ProblemWriter;
import io.numicoin.gateway.web.SecurityHeaders;
import io.numicoin.support.problem.ProblemAnswer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.netty.NettyPipeline;

/**
 * The fast path for plain proxied reads (docs/gateway.md, docs/decisions.md): a request the Spring
 * side would send through Spring Cloud Gateway to a backend unchanged is answered from the Netty
 * pipeline instead, with the same checks and the same answer. It takes a request only when all of
 * these hold, and leaves every other one to Spring WebFlux and Spring Cloud Gateway:
 * <ul>
 * <li>{@code GET}, HTTP/1.1, no body (no {@code Content-Length} or {@code Transfer-Encoding}), no
 * {@code Origin} (CORS is the Spring side's), no {@code Expect}, {@code Upgrade} or
 * {@code Connection} other than {@code keep-alive};
 * <li>a plain path ({@code /api/…} of letters, digits and {@code - _ . ~ /}, no dot segment) of a
 * {@link PublicRoutes} read answered by a backend over plain HTTP;
 * <li>no API key, or one remembered as valid ({@link ApiKeyVerifier#rememberedValid}) with the
 * route's scope: an unknown, malformed or revoked key, or one that must be read from the database,
 * goes to the Spring side, which refuses it or looks it up (and remembers it).
 * </ul>
 * What it does with one is {@link ProxiedRead}'s: the caller's token bucket, the backend's
 * Resilience4j guards, the rate-limit and security headers, the access log and timer.
 */
public final class FastReads {

    private static final String HANDLER = "numi.fastReads";
    private static final int MAX_REMEMBERED_PATHS = 4096;
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String KEY_HEADER = "X-Api-Key";
    private static final Set<Scope> ANONYMOUS_SCOPES = Set.copyOf(EnumSet.allOf(Scope.class));
    private static final List<String> CORS_VARY = List.of("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers");

    private final ClientAddressResolver addresses;
    private final ApiKeyVerifier keys;
    private final Limits anonymous;
    private final TokenBuckets buckets;
    private final Map<Backend, BackendPool> pools = new EnumMap<>(Backend.class);
    private final int readAttempts;
    private final AnswerLog answers;
    /** {@code numi.gateway.fast_reads}: the answers given here. */
    private final Counter answered;
    private final ProblemWriter problems;
    private final boolean cors;
    private final BackendChannels channels;
    private final Map<String, PublicRoute> routes = new ConcurrentHashMap<>();
    private volatile int publicPort = -1;
    private volatile boolean stopped;

    public FastReads(ClientAddressResolver addresses, ApiKeyVerifier keys, Limits anonymous, TokenBuckets buckets, List<BackendPool> pools,
            int readAttempts, AnswerLog answers, Counter answered, ProblemWriter problems, boolean cors, Duration connectTimeout,
            Duration maxIdle) {
        this.addresses = addresses;
        this.keys = keys;
        this.anonymous = anonymous;
        this.buckets = buckets;
        for (BackendPool pool : pools) {
            if (pool.instances().stream().allMatch(i -> "http".equalsIgnoreCase(i.uri().getScheme()))) {
                this.pools.put(pool.backend(), pool);
            }
        }
        this.readAttempts = readAttempts;
        this.answers = answers;
        this.answered = answered;
        this.problems = problems;
        this.cors = cors;
        this.channels = new BackendChannels(connectTimeout, maxIdle);
    }

    /** The public port, once the server listens: only its connections get the fast path (not the management port's). */
    public void publicPort(int port) {
        publicPort = port;
    }

    /**
     * Takes no more requests (the application is closing): the Spring side answers them, and its
     * graceful shutdown sees every request in flight there and closes the connections.
     */
    public void stop() {
        stopped = true;
    }

    /** Puts the fast path into a new connection's pipeline, after Reactor Netty's HTTP codec (public port only). */
    public void install(Channel channel) {
        if (channel.localAddress() instanceof InetSocketAddress local && local.getPort() == publicPort
                && channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
            channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new FastReadHandler(this));
        }
    }

    /** The read this path answers for {@code request}, or {@code null}: the Spring side answers it. */
    ProxiedRead take(ChannelHandlerContext ctx, HttpRequest request, FastReadHandler connection) {
        if (stopped || !request.decoderResult().isSuccess() || request.method() != HttpMethod.GET || request.protocolVersion() != HttpVersion.HTTP_1_1) {
            return null;
        }
        HttpHeaders headers = request.headers();
        if (headers.contains(HttpHeaderNames.CONTENT_LENGTH) || headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                || headers.contains(HttpHeaderNames.ORIGIN) || headers.contains(HttpHeaderNames.EXPECT)
                || headers.contains(HttpHeaderNames.UPGRADE)) {
            return null;
        }
        String connectionHeader = headers.get(HttpHeaderNames.CONNECTION);
        if (connectionHeader != null && !"keep-alive".equalsIgnoreCase(connectionHeader.strip())) {
            return null;
        }
        PublicRoute route = route(request.uri());
        BackendPool pool = route == null ? null : pools.get(route.backend());
        if (pool == null || !(ctx.channel().remoteAddress() instanceof InetSocketAddress remote) || remote.getAddress() == null) {
            return null;
        }
        List<String> forwardedFor = headers.getAll(FORWARDED_FOR);
        InetAddress client = addresses.resolve(remote.getAddress(), forwardedFor.isEmpty() ? null : forwardedFor);
        String presented = presentedKey(headers);
        Caller caller;
        if (presented == null) {
            caller = new Caller(Optional.empty(), client, anonymous, ANONYMOUS_SCOPES);
        } else {
            Optional<ApiKey> key = ApiKeyToken.parse(presented).flatMap(keys::rememberedValid);
            if (key.isEmpty() || !key.get().scopes().contains(route.scope())) {
                return null;
            }
            caller = new Caller(Optional.of(key.get().id()), client, key.get().limits(), key.get().scopes());
        }
        return new ProxiedRead(this, ctx, connection, request, route, pool, caller);
    }

    /** The proxied read route of a plain {@code /api/} path, or {@code null}. */
    private PublicRoute route(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        PublicRoute known = routes.get(path);
        if (known != null) {
            return known;
        }
        if (!path.startsWith("/api/") || !plain(path)) {
            return null;
        }
        PublicRoute route = PublicRoutes.match(org.springframework.http.HttpMethod.GET, path).route()
                .filter(r -> r.method() == org.springframework.http.HttpMethod.GET && r.backend() != Backend.GATEWAY)
                .orElse(null);
        if (route != null) {
            if (routes.size() >= MAX_REMEMBERED_PATHS) {
                routes.clear();
            }
            routes.put(path, route);
        }
        return route;
    }

    /** Letters, digits, {@code - _ . ~ /}, no empty or dot segment: read the same way by every layer. */
    private static boolean plain(String path) {
        if (path.contains("//") || path.contains("/.")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '_'
                    || c == '.' || c == '~';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String presentedKey(HttpHeaders headers) {
        String key = headers.get(KEY_HEADER);
        if (key != null) {
            return key;
        }
        String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7);
        }
        return null;
    }

    /** The headers every fast answer carries: the rate-limit ones, the security ones, {@code Vary} when CORS is on. */
    void decorate(HttpHeaders headers, HttpHeaders limitHeaders) {
        headers.setAll(limitHeaders);
        SecurityHeaders.apply(headers::set);
        if (cors) {
            List<String> vary = headers.getAll(HttpHeaderNames.VARY);
            for (String name : CORS_VARY) {
                if (!vary.contains(name)) {
                    headers.add(HttpHeaderNames.VARY, name);
                }
            }
        }
    }

    byte[] problemBody(ProblemAnswer answer, String path) {
        return problems.body(answer, path);
    }

    TokenBuckets buckets() {
        return buckets;
    }

    int readAttempts() {
        return readAttempts;
    }

    BackendChannels channels() {
        return channels;
    }

    /** Logs and times one answer given here. */
    void record(String route, int status, String key, String client, String method, String path, long nanos) {
        answered.increment();
        answers.record(route, status, key, client, method, path, nanos);
    }
}
