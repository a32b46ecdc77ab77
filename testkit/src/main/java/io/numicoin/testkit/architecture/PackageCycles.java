package io.numicoin.testkit.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.List;

/**
 * The check every module runs on itself (STYLE.md: no package cycles inside a module): each package
 * under {@code io.numicoin} is one slice, and no slice may reach itself again through the others.
 * A module's test calls {@link #assertNoneInModuleOf} with one of its main classes (a test-only
 * module with one of its test classes); a cycle fails the test with every edge of it, down to the
 * classes and members that make it.
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /** Fails when the classes loaded from where {@code anchor} was loaded (one module's classes directory or jar) form a package cycle. */
    public static void assertNoneInModuleOf(Class<?> anchor) {
        assertNoneIn(new ClassFileImporter().importLocations(List.of(Location.of(locationOf(anchor)))));
    }

    /** Fails when {@code classes} form a package cycle, or when there are none to check (a wrong location). */
    public static void assertNoneIn(JavaClasses classes) {
        if (classes.isEmpty()) {
            throw new AssertionError("no classes to check for package cycles");
        }
        slices().matching("io.numicoin.(**)").namingSlices("io.numicoin.$1")
                .should().beFreeOfCycles()
                .because("packages of one module must form no cycle (STYLE.md)")
                .check(classes);
    }

    private static java.net.URI locationOf(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalArgumentException(anchor + " has no code source");
        }
        try {
            return source.getLocation().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the location of " + anchor + " is no URI: " + source.getLocation(), e);
        }
    }
}
