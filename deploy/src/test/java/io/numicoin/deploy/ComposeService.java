package io.numicoin.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One service of a compose file, read leniently (a missing part reads as empty). */
public record ComposeService(String name, Map<String, Object> body) {

    /** A published port: {@code [ip:][published:]target[/protocol]} or the long form. */
    public record PublishedPort(String text, int target) {
    }

    /** A volume: a named volume or a bind mount ({@code source:target[:mode]} or the long form). */
    public record Mount(String source, String target) {

        public boolean isBind() {
            return source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
        }
    }

    public Optional<Object> build() {
        return Optional.ofNullable(body.get("build"));
    }

    /** The build context as written ({@code build: ctx} or {@code build.context}). */
    public Optional<String> buildContext() {
        return build().map(b -> b instanceof Map<?, ?> m ? Yamls.text(Yamls.map(m).getOrDefault("context", ".")) : Yamls.text(b));
    }

    /** The Dockerfile as written; compose's default is {@code Dockerfile}. */
    public Optional<String> dockerfile() {
        return build().map(b -> Yamls.text(Yamls.map(b).getOrDefault("dockerfile", "Dockerfile")));
    }

    public Map<String, String> buildArgs() {
        Map<String, String> args = new LinkedHashMap<>();
        build().map(b -> Yamls.map(b).get("args")).ifPresent(a -> args.putAll(keyValues(a)));
        return args;
    }

    public Optional<String> image() {
        return Optional.ofNullable(Yamls.text(body.get("image")));
    }

    /** {@code environment} as a map, from either its map or its {@code KEY=value} list form. */
    public Map<String, String> environment() {
        return keyValues(body.get("environment"));
    }

    public List<PublishedPort> ports() {
        List<PublishedPort> ports = new ArrayList<>();
        for (Object entry : Yamls.list(body.get("ports"))) {
            if (entry instanceof Map<?, ?> longForm) {
                ports.add(new PublishedPort(longForm.toString(), portNumber(Yamls.text(Yamls.map(longForm).get("target")))));
            } else {
                String text = Yamls.text(entry);
                String withoutProtocol = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
                String target = withoutProtocol.substring(withoutProtocol.lastIndexOf(':') + 1);
                ports.add(new PublishedPort(text, portNumber(target)));
            }
        }
        return ports;
    }

    public List<String> expose() {
        return Yamls.list(body.get("expose")).stream().map(Yamls::text).toList();
    }

    /** The healthcheck's {@code test}: a string is {@code CMD-SHELL <string>}; none or disabled is empty. */
    public List<String> healthcheck() {
        Map<String, Object> healthcheck = Yamls.map(body.get("healthcheck"));
        if (Boolean.TRUE.equals(healthcheck.get("disable"))) {
            return List.of();
        }
        Object test = healthcheck.get("test");
        if (test instanceof String shell) {
            return List.of("CMD-SHELL", shell);
        }
        List<String> command = Yamls.list(test).stream().map(Yamls::text).toList();
        return command.isEmpty() || command.getFirst().equals("NONE") ? List.of() : command;
    }

    /** Each dependency and its condition ({@code null} in the short list form, which has none). */
    public Map<String, String> dependsOn() {
        Map<String, String> dependencies = new LinkedHashMap<>();
        Object dependsOn = body.get("depends_on");
        if (dependsOn instanceof Map<?, ?> map) {
            Yamls.map(map).forEach((service, spec) -> dependencies.put(service, Yamls.text(Yamls.map(spec).get("condition"))));
        } else {
            Yamls.list(dependsOn).forEach(service -> dependencies.put(Yamls.text(service), null));
        }
        return dependencies;
    }

    public List<Mount> volumes() {
        List<Mount> mounts = new ArrayList<>();
        for (Object entry : Yamls.list(body.get("volumes"))) {
            if (entry instanceof Map<?, ?> longForm) {
                Map<String, Object> spec = Yamls.map(longForm);
                mounts.add(new Mount(String.valueOf(spec.getOrDefault("source", "")), String.valueOf(spec.get("target"))));
            } else {
                String[] parts = Yamls.text(entry).split(":");
                mounts.add(parts.length == 1 ? new Mount("", parts[0]) : new Mount(parts[0], parts[1]));
            }
        }
        return mounts;
    }

    /** {@code mem_limit}, or {@code deploy.resources.limits.memory}. */
    public Optional<String> memoryLimit() {
        Object memLimit = body.get("mem_limit");
        if (memLimit != null) {
            return Optional.of(Yamls.text(memLimit));
        }
        Object deployLimit = Yamls.map(Yamls.map(Yamls.map(body.get("deploy")).get("resources")).get("limits")).get("memory");
        return Optional.ofNullable(Yamls.text(deployLimit));
    }

    private static Map<String, String> keyValues(Object node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> map) {
            Yamls.map(map).forEach((k, v) -> values.put(k, v == null ? "" : Yamls.text(v)));
        } else {
            for (Object entry : Yamls.list(node)) {
                String text = Yamls.text(entry);
                int equals = text.indexOf('=');
                values.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        }
        return values;
    }

    private static int portNumber(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }
}
