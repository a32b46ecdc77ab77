package io.numicoin.gateway.web;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** The headers every answer of the public port carries (and {@code Server}, which none does). */
public final class SecurityHeaders {

    /** Removed from every answer. */
    public static final String SERVER = "Server";

    private static final List<Map.Entry<String, String>> ALL = List.of(
            Map.entry("X-Content-Type-Options", "nosniff"),
            Map.entry("X-Frame-Options", "DENY"),
            Map.entry("Referrer-Policy", "no-referrer"),
            Map.entry("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
            Map.entry("Strict-Transport-Security", "max-age=31536000"),
            Map.entry("Cross-Origin-Resource-Policy", "cross-origin"));

    private SecurityHeaders() {
    }

    /** Sets each header with {@code set} (name, value). */
    public static void apply(BiConsumer<String, String> set) {
        for (Map.Entry<String, String> header : ALL) {
            set.accept(header.getKey(), header.getValue());
        }
    }
}
