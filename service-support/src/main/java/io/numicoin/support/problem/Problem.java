package io.numicoin.support.problem;

import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A problem document as a client reads it from another service's answer: the HTTP status, the
 * {@code rule}, the detail and the other members (e.g. {@code outcome}, {@code txid}).
 */
public record Problem(int status, String rule, String detail, Map<String, String> extra) {

    public Problem {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
        extra = Map.copyOf(extra);
    }

    /** Reads {@code body} (any JSON; a body without {@code rule} gets {@code HTTP_<status>}). */
    public static Problem read(int status, JsonNode body) {
        String rule = body.path("rule").asString("");
        java.util.Map<String, String> extra = new java.util.LinkedHashMap<>();
        for (var member : body.properties()) {
            String name = member.getKey();
            if (!name.equals("type") && !name.equals("title") && !name.equals("status") && !name.equals("detail")
                    && !name.equals("instance") && !name.equals("rule") && member.getValue().isValueNode()) {
                extra.put(name, member.getValue().asString(""));
            }
        }
        return new Problem(status, rule.isEmpty() ? "HTTP_" + status : rule, body.path("detail").asString(""), extra);
    }

    /** The document this problem is when answered again by another service (its own {@code instance}). */
    public Map<String, Object> document(String instance) {
        return ProblemVocabulary.document(status, rule, detail, instance, extra);
    }
}
