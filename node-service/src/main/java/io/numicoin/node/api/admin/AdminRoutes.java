package io.numicoin.node.api.admin;

import io.numicoin.node.api.error.ApiException;
import io.numicoin.node.api.error.ProblemMapper;
import io.numicoin.node.api.error.Problems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The admin operations' routes, in the management server's own context (listed in
 * {@code META-INF/spring/...ManagementContextConfiguration.imports}, deliberately not a
 * {@code @Configuration} so component scanning never puts it on the public port). Only when the
 * management port differs from the API port; otherwise there is no admin API at all.
 *
 * <pre>
 * GET  /admin              the operations
 * POST /admin/{operation}  runs one, e.g. /admin/integrity-check
 * </pre>
 *
 * Every request needs {@value #TOKEN_HEADER} equal to {@code numi.admin.token} (or the first line of
 * {@code numi.admin.token-file}; compared in
 * constant time); errors are problem+json like the public API's. Only in a node's own management
 * context (where {@link AdminProperties} is bound): the imports file reaches every Spring Boot
 * application with this jar on its class path, e.g. another service's IT running a node beside it.
 */
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
@ConditionalOnBean(AdminProperties.class)
public class AdminRoutes {

    public static final String TOKEN_HEADER = "X-Numi-Admin-Token";

    @Bean
    public RouterFunction<ServerResponse> adminRouterFunction(AdminProperties properties,
            ObjectProvider<AdminOperation> operations) {
        return RouterFunctions.route()
                .GET("/admin", request -> ServerResponse.ok().bodyValue(list(operations.orderedStream().toList())))
                .POST("/admin/{operation}", request -> Mono.defer(() -> run(request, operations, properties.timeout())))
                .filter(tokenFilter(properties))
                .onError(Throwable.class, (error, request) -> problem(ProblemMapper.toApiException(error), request))
                .build();
    }

    private static Mono<ServerResponse> run(ServerRequest request, ObjectProvider<AdminOperation> operations, Duration timeout) {
        String name = request.pathVariable("operation");
        AdminOperation operation = operations.orderedStream().filter(op -> op.name().equals(name)).findFirst()
                .orElseThrow(() -> Problems.notFound("UNKNOWN_OPERATION", "no admin operation '" + name + "'"));
        long start = System.nanoTime();
        return Mono.fromCallable(operation::run)
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout)
                .flatMap(result -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("operation", name);
                    body.put("tookMillis", (System.nanoTime() - start) / 1_000_000);
                    body.put("result", result);
                    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
                });
    }

    private static List<Map<String, String>> list(List<AdminOperation> operations) {
        return operations.stream()
                .map(op -> Map.of("name", op.name(), "description", op.description()))
                .toList();
    }

    private static HandlerFilterFunction<ServerResponse, ServerResponse> tokenFilter(AdminProperties properties) {
        Optional<byte[]> secret = properties.secret().map(token -> token.getBytes(StandardCharsets.UTF_8));
        return (request, next) -> {
            if (secret.isEmpty()) {
                return problem(new ApiException(HttpStatus.FORBIDDEN, "ADMIN_DISABLED",
                        "admin operations are off: set numi.admin.token or numi.admin.token-file"), request);
            }
            String given = request.headers().firstHeader(TOKEN_HEADER);
            if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret.get())) {
                return problem(new ApiException(HttpStatus.UNAUTHORIZED, "ADMIN_TOKEN_REQUIRED",
                        "send the admin token in " + TOKEN_HEADER), request);
            }
            return next.handle(request);
        };
    }

    private static Mono<ServerResponse> problem(ApiException problem, ServerRequest request) {
        return ServerResponse.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem.document(request.path()));
    }
}
