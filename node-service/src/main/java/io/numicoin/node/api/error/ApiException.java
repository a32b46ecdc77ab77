package io.numicoin.node.api.error;

import io.numicoin.support.problem.ProblemVocabulary;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, carrying everything its RFC 9457 problem document says: the HTTP
 * status, the {@code rule} that was broken (e.g. {@code BAD_SIGNATURE}, {@code DECODE_TRUNCATED}),
 * a detail for humans and optional extra members. The {@code type} URI and {@code title} follow
 * from the rule ({@link ProblemVocabulary}, shared by every service), so every occurrence of a rule has
 * the same type and title.
 */
public final class ApiException extends RuntimeException {

    /** Every problem type URI starts with this; the rest is the rule in lower-kebab case. */
    public static final String TYPE_BASE = ProblemVocabulary.TYPE_BASE;

    private final HttpStatus status;
    private final String rule;
    private final Map<String, Object> extra;

    public ApiException(HttpStatus status, String rule, String detail) {
        this(status, rule, detail, Map.of());
    }

    public ApiException(HttpStatus status, String rule, String detail, Map<String, Object> extra) {
        super(rule + ": " + detail, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.extra = Map.copyOf(extra);
    }

    public HttpStatus status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    /** The extra members (e.g. {@code blockId}, {@code outcome}). */
    public Map<String, Object> extra() {
        return extra;
    }

    public String detail() {
        String message = getMessage();
        return message.substring(rule.length() + 2);
    }

    /** The RFC 9457 document: type, title, status, detail, instance, rule and any extra members. */
    public Map<String, Object> document(String instance) {
        return ProblemVocabulary.document(status.value(), rule, detail(), instance, extra);
    }

    /** {@code BAD_SIGNATURE} → {@code https://numicoin.io/problems/bad-signature} ({@link ProblemVocabulary}). */
    public static URI typeOf(String rule) {
        return ProblemVocabulary.typeOf(rule);
    }

    /** {@code BAD_SIGNATURE} → {@code Bad signature} ({@link ProblemVocabulary}). */
    public static String titleOf(String rule) {
        return ProblemVocabulary.titleOf(rule);
    }
}
