package io.numicoin.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * A Maven module that runs as a service: its configuration file(s) ({@code application.yml},
 * the miner's {@code miner.yml}: the yml files at the top of {@code src/main/resources}), the
 * settings its code reads, and whether its build attaches the runnable jar the Dockerfile takes.
 * Environment variables are matched the way Spring Boot binds them (relaxed binding of
 * {@link SystemEnvironmentPropertySource}): {@code NUMI_P2P_LISTEN} is {@code numi.p2p.listen}.
 */
public final class ServiceModule {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    private final String name;
    private final Map<String, Object> defaults;
    private final List<KnownProperty> known;
    private final boolean runnableJar;

    private ServiceModule(String name, Map<String, Object> defaults, List<KnownProperty> known, boolean runnableJar) {
        this.name = name;
        this.defaults = defaults;
        this.known = known;
        this.runnableJar = runnableJar;
    }

    /** The module {@code root/<name>}, if there is one (a directory with a pom.xml). */
    public static Optional<ServiceModule> load(Path root, String name) {
        Path dir = root.resolve(name).normalize();
        if (name.isBlank() || !dir.getParent().equals(root.normalize()) || !Files.isRegularFile(dir.resolve("pom.xml"))) {
            return Optional.empty();
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (Path yml : configFiles(dir)) {
            try {
                defaults.putAll(Yamls.flatten(Yamls.map(new Yaml().load(Files.readString(yml)))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + yml, e);
            }
        }
        List<KnownProperty> known = new ArrayList<>();
        defaults.keySet().forEach(key -> known.add(new KnownProperty(key, false, name + "'s yml")));
        known.addAll(PropertiesClasses.of(dir));
        known.addAll(BootMetadata.properties());
        return Optional.of(new ServiceModule(name, defaults, known, attachesExecJar(dir.resolve("pom.xml"))));
    }

    public String name() {
        return name;
    }

    /** Whether the build repackages a runnable Spring Boot jar with classifier {@code exec}. */
    public boolean runnableJar() {
        return runnableJar;
    }

    /** The setting an environment variable binds to, if the service's code has it. */
    public Optional<KnownProperty> settingFor(String variable) {
        ConfigurationPropertySource source = source(Map.of(variable, "x"));
        for (KnownProperty property : known) {
            ConfigurationPropertyName candidate = ConfigurationPropertyName.adapt(property.name(), '.');
            if (candidate.isEmpty()) {
                continue;
            }
            if (source.getConfigurationProperty(candidate) != null
                    || property.withDescendants() && source.containsDescendantOf(candidate) == ConfigurationPropertyState.PRESENT) {
                return Optional.of(property);
            }
        }
        return Optional.empty();
    }

    /**
     * The value the service sees for {@code property}: the environment's (by relaxed binding), else
     * its yml default with {@code ${VAR:default}} placeholders resolved against the environment.
     * Lists read as comma-separated text, as an environment variable writes them.
     */
    public Optional<String> effective(String property, Map<String, String> environment) {
        ConfigurationProperty fromEnvironment = source(environment).getConfigurationProperty(ConfigurationPropertyName.adapt(property, '.'));
        if (fromEnvironment != null) {
            return Optional.of(String.valueOf(fromEnvironment.getValue()));
        }
        Object value = defaults.get(property);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof List<?> list ? list.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(value);
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = environment.getOrDefault(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return Optional.of(out.toString());
    }

    /** Every setting with a default in the yml or a value in the environment, with its effective value. */
    public Map<String, String> effective(Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : defaults.keySet()) {
            effective(key, environment).ifPresent(v -> values.put(key, v));
        }
        for (String variable : environment.keySet()) {
            settingFor(variable).ifPresent(p -> effective(p.name(), environment).ifPresent(v -> values.put(p.name(), v)));
        }
        return values;
    }

    private static ConfigurationPropertySource source(Map<String, String> environment) {
        return ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(environment)));
    }

    private static List<Path> configFiles(Path module) {
        Path resources = module.resolve("src/main/resources");
        if (!Files.isDirectory(resources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(resources)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + resources, e);
        }
    }

    private static boolean attachesExecJar(Path pom) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
            NodeList classifiers = (NodeList) XPathFactory.newInstance().newXPath().evaluate(
                    "//plugin[artifactId='spring-boot-maven-plugin']/executions/execution[goals/goal='repackage']/configuration/classifier",
                    document, XPathConstants.NODESET);
            for (int i = 0; i < classifiers.getLength(); i++) {
                if (classifiers.item(i).getTextContent().trim().equals("exec")) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }
}
