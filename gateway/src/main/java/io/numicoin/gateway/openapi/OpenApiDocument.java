package io.numicoin.gateway.openapi;

import io.numicoin.gateway.route.Cost;
import io.numicoin.gateway.route.PublicRoute;
import io.numicoin.gateway.route.PublicRoutes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one OpenAPI 3.1 document of the public API, built from {@link PublicRoutes} (so it lists
 * exactly what is routed: no mining or admin path can appear) and enriched with each backend's own
 * document where the backend serves one ({@code /v3/api-docs}): its operation (summary, parameters,
 * responses) for every path the gateway routes, and the schemas those refer to.
 */
public final class OpenApiDocument {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private OpenApiDocument() {
    }

    /** The document; {@code backendDocs} are the backends' documents that could be read (any may be missing). */
    public static ObjectNode build(JsonMapper json, String version, List<JsonNode> backendDocs) {
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "NumiCoin public API");
        info.put("version", version);
        info.put("description", "Served by the gateway: chain, blocks, transactions and accounts (nodes), the mempool "
                + "and fee estimates, the explorer, and transaction submission. Send an API key as X-Api-Key for "
                + "higher limits; every answer carries RateLimit-* headers and a refusal is problem+json.");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        components.putObject("securitySchemes").putObject("apiKey")
                .put("type", "apiKey").put("in", "header").put("name", "X-Api-Key");
        for (PublicRoute route : PublicRoutes.all()) {
            ObjectNode operation = backendOperation(route, backendDocs)
                    .map(o -> (ObjectNode) o.deepCopy()).orElseGet(() -> generic(json, route));
            operation.put("operationId", route.id());
            ArrayNode tags = operation.putArray("tags");
            tags.add(route.backend().name().toLowerCase(Locale.ROOT));
            operation.putArray("security").add(json.createObjectNode()).addObject().putArray("apiKey");
            ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses") : operation.putObject("responses");
            responses.putObject("429").put("description", "rate limited (" + route.cost().name().toLowerCase(Locale.ROOT)
                    + " budget); Retry-After says when to try again");
            responses.putObject("503").put("description", "the backend cannot answer now");
            if (route.cost() == Cost.EXPENSIVE) {
                operation.put("x-numi-cost", "expensive");
            }
            ObjectNode path = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            path.set(route.method().name().toLowerCase(Locale.ROOT), operation);
        }
        for (JsonNode backend : backendDocs) {
            JsonNode own = backend.path("components").path("schemas");
            for (Map.Entry<String, JsonNode> schema : own.properties()) {
                if (!schemas.has(schema.getKey())) {
                    schemas.set(schema.getKey(), schema.getValue());
                }
            }
        }
        return doc;
    }

    private static java.util.Optional<JsonNode> backendOperation(PublicRoute route, List<JsonNode> backendDocs) {
        String method = route.method().name().toLowerCase(Locale.ROOT);
        return backendDocs.stream().map(d -> d.path("paths").path(route.path()).path(method))
                .filter(JsonNode::isObject).findFirst();
    }

    private static ObjectNode generic(JsonMapper json, PublicRoute route) {
        ObjectNode operation = json.createObjectNode();
        operation.put("summary", route.id().replace('-', ' '));
        ArrayNode parameters = operation.putArray("parameters");
        Matcher m = VARIABLE.matcher(route.path());
        while (m.find()) {
            ObjectNode p = parameters.addObject();
            p.put("name", m.group(1));
            p.put("in", "path");
            p.put("required", true);
            p.putObject("schema").put("type", "string");
        }
        ObjectNode responses = operation.putObject("responses");
        responses.putObject(route.method().name().equals("POST") ? "202" : "200").put("description", "the answer")
                .putObject("content").putObject("application/json");
        responses.putObject("default").put("description", "a problem").putObject("content")
                .putObject("application/problem+json");
        return operation;
    }
}
