package io.numicoin.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A docker-compose file as plain maps and lists: merge keys ({@code <<: *anchor}) applied, every
 * node its own copy (so a change to one service never reaches another through an alias), and
 * {@code ${VAR:-default}} interpolated as with no variable set (the file's own defaults).
 */
public final class ComposeFile {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?}|\\$\\$");

    private final Map<String, Object> root;

    private ComposeFile(Map<String, Object> root) {
        this.root = root;
    }

    public static ComposeFile read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static ComposeFile parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object loaded = new Yaml(options).load(text);
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a compose file is a YAML mapping");
        }
        return new ComposeFile((Map<String, Object>) copy(map));
    }

    /** The whole file, mutable: tests break copies of it. */
    public Map<String, Object> root() {
        return root;
    }

    public Map<String, ComposeService> services() {
        Map<String, ComposeService> services = new LinkedHashMap<>();
        Yamls.map(root.get("services")).forEach((name, body) -> services.put(name, new ComposeService(name, Yamls.map(body))));
        return services;
    }

    /** The named volumes declared at the top level. */
    public List<String> volumes() {
        return new ArrayList<>(Yamls.map(root.get("volumes")).keySet());
    }

    public String dump() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(root);
    }

    public void write(Path file) {
        try {
            Files.writeString(file, dump());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Object copy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        if (node instanceof String text) {
            return interpolate(text);
        }
        return node;
    }

    static String interpolate(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = matcher.group().equals("$$") ? "$" : matcher.group(3) == null ? "" : matcher.group(3);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
