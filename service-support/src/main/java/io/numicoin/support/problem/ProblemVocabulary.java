package io.numicoin.support.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one RFC 9457 problem+json vocabulary of every NumiCoin service. A problem names the rule that
 * was broken in its {@code rule} member ({@code UPPER_SNAKE}, e.g. {@code BAD_SIGNATURE},
 * {@code INSUFFICIENT_BALANCE}); its {@code type} is {@link #TYPE_BASE} + the rule in lower-kebab case
 * and its {@code title} the rule in words, so one rule has one type and one title whichever service
 * answers. A 5xx names no internals: its detail is fixed text ({@link #INTERNAL_DETAIL} for a bug).
 */
public final class ProblemVocabulary {

    /** Every problem type URI starts with this; the rest is the rule in lower-kebab case. */
    public static final String TYPE_BASE = "https://numicoin.io/problems/";
    /** The media type of every error body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A missing, mistyped or out-of-range parameter or body member (400). */
    public static final String INVALID_PARAMETER = "INVALID_PARAMETER";
    /** An unknown path (404). */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** A path that exists with another method (405). */
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    /** A body over its cap, or a transaction or block over its protocol limit (413). */
    public static final String TOO_LARGE = "TOO_LARGE";
    /** A body in a media type the endpoint does not take (415). */
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    /** The call passed its deadline (503). */
    public static final String TIMEOUT = "TIMEOUT";
    /** A dependency (database, node, chain service) cannot take the call now (503). */
    public static final String UNAVAILABLE = "UNAVAILABLE";
    /** A bug: logged by the service, no internals in the answer (500). */
    public static final String INTERNAL = "INTERNAL";
    /** The detail of every {@link #INTERNAL} problem. */
    public static final String INTERNAL_DETAIL = "internal error";

    private ProblemVocabulary() {
    }

    /** {@code BAD_SIGNATURE} → {@code https://numicoin.io/problems/bad-signature}. */
    public static URI typeOf(String rule) {
        return URI.create(TYPE_BASE + rule.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** {@code BAD_SIGNATURE} → {@code Bad signature}. */
    public static String titleOf(String rule) {
        String words = rule.toLowerCase(Locale.ROOT).replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The document: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} (omitted
     * when null), {@code rule}, then {@code extra} members (which cannot replace the standard ones).
     */
    public static Map<String, Object> document(int status, String rule, String detail, String instance,
            Map<String, ?> extra) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", typeOf(rule).toString());
        document.put("title", titleOf(rule));
        document.put("status", status);
        document.put("detail", detail);
        if (instance != null) {
            document.put("instance", instance);
        }
        document.put("rule", rule);
        extra.forEach(document::putIfAbsent);
        return document;
    }
}
