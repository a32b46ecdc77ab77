package io.numicoin.deploy;

/**
 * A setting a service's code reads.
 *
 * @param name its canonical name ({@code numi.p2p.listen})
 * @param withDescendants a map or list: {@code name.key} / {@code name[0]} bind to it too
 * @param source where it was found (a class, a yml file, a Boot jar's metadata)
 */
public record KnownProperty(String name, boolean withDescendants, String source) {

    static boolean isContainer(String javaType) {
        return javaType != null && (javaType.startsWith("java.util.Map") || javaType.startsWith("java.util.List")
                || javaType.startsWith("java.util.Set") || javaType.startsWith("java.util.Collection") || javaType.endsWith("[]"));
    }
}
