package io.numicoin.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lenient views of parsed YAML nodes: absent or of another shape reads as empty. */
final class Yamls {

    private Yamls() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> ? (Map<String, Object>) node : new LinkedHashMap<>();
    }

    static List<Object> list(Object node) {
        return node instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
    }

    static String text(Object node) {
        return node == null ? null : String.valueOf(node);
    }

    /**
     * Flattens nested maps into dotted keys ({@code a.b.c}); lists stay values of their key. Keys of
     * the form {@code [a.b]} (Spring's escaped map keys) lose their brackets.
     */
    static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> flat) {
        tree.forEach((key, value) -> {
            String name = prefix + key.replace("[", "").replace("]", "");
            if (value instanceof Map<?, ?> child && !child.isEmpty()) {
                flatten(name + ".", map(child), flat);
            } else {
                flat.put(name, value);
            }
        });
    }
}
