package io.numicoin.support.problem;

import java.util.Map;
import java.util.Objects;

/** A problem a service answers: the HTTP status, the rule, the detail (no internals on a 5xx) and extra members. */
public record ProblemAnswer(int status, String rule, String detail, Map<String, Object> extra) {

    public ProblemAnswer {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
        extra = Map.copyOf(extra);
    }

    public static ProblemAnswer of(int status, String rule, String detail) {
        return new ProblemAnswer(status, rule, detail, Map.of());
    }

    public Map<String, Object> document(String instance) {
        return ProblemVocabulary.document(status, rule, detail, instance, extra);
    }
}
