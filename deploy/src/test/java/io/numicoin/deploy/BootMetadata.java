package io.numicoin.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The properties Spring Boot's own jars document in {@code META-INF/spring-configuration-metadata.json}
 * ({@code server.port}, {@code spring.datasource.url}, {@code management.server.port}, ...), read from
 * every jar on the test classpath: the services' dependencies.
 */
public final class BootMetadata {

    private static final List<String> RESOURCES = List.of(
            "META-INF/spring-configuration-metadata.json", "META-INF/additional-spring-configuration-metadata.json");

    private static volatile List<KnownProperty> cached;

    private BootMetadata() {
    }

    public static List<KnownProperty> properties() {
        List<KnownProperty> properties = cached;
        if (properties == null) {
            properties = Collections.unmodifiableList(load());
            cached = properties;
        }
        return properties;
    }

    private static List<KnownProperty> load() {
        List<KnownProperty> properties = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (String resource : RESOURCES) {
                for (URL url : Collections.list(BootMetadata.class.getClassLoader().getResources(resource))) {
                    try (InputStream in = url.openStream()) {
                        for (JsonNode entry : json.readTree(in).path("properties")) {
                            String name = entry.path("name").asString(null);
                            String type = entry.path("type").asString(null);
                            if (name != null) {
                                properties.add(new KnownProperty(name, KnownProperty.isContainer(type), "Spring Boot (" + jarName(url) + ")"));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Spring Boot's configuration metadata", e);
        }
        if (properties.isEmpty()) {
            throw new IllegalStateException("no META-INF/spring-configuration-metadata.json on the classpath");
        }
        return properties;
    }

    private static String jarName(URL url) {
        String text = url.toString();
        int bang = text.indexOf("!/");
        String jar = bang < 0 ? text : text.substring(0, bang);
        return jar.substring(jar.lastIndexOf('/') + 1);
    }
}
