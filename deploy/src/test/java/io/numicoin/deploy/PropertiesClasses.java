package io.numicoin.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings a module binds with {@code @ConfigurationProperties}: every class of its
 * {@code src/main/java} carrying the annotation, walked by reflection (records by their components,
 * other classes by their fields; nested types of the project recursively).
 */
final class PropertiesClasses {

    private static final int MAX_DEPTH = 8;

    private PropertiesClasses() {
    }

    static List<KnownProperty> of(Path module) {
        List<KnownProperty> properties = new ArrayList<>();
        Path sources = module.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return properties;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains("@ConfigurationProperties(")) {
                    Class<?> type = load(sources.relativize(file));
                    ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
                    if (annotation != null) {
                        String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
                        walk(prefix, type, type.getSimpleName(), properties, 0);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sources, e);
        }
        return properties;
    }

    private static Class<?> load(Path relative) {
        String name = relative.toString().replace(".java", "").replace('/', '.').replace('\\', '.');
        try {
            return Class.forName(name, false, PropertiesClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is not on the deploy module's test classpath (add its module as a test dependency)", e);
        }
    }

    private static void walk(String prefix, Class<?> type, String source, List<KnownProperty> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                add(prefix, component.getName(), component.getType(), source, out, depth);
            }
        } else {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    add(prefix, field.getName(), field.getType(), source, out, depth);
                }
            }
        }
    }

    private static void add(String prefix, String javaName, Class<?> type, String source, List<KnownProperty> out, int depth) {
        String name = prefix + "." + kebab(javaName);
        boolean container = Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || type.isArray();
        if (!container && isProjectType(type) && !type.isEnum()) {
            walk(name, type, source, out, depth + 1);
        } else {
            out.add(new KnownProperty(name, container, source));
        }
    }

    private static boolean isProjectType(Class<?> type) {
        return type.getName().startsWith("io.numicoin.") && (type.isRecord() || !type.isInterface());
    }

    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
