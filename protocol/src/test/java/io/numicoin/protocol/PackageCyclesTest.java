package io.numicoin.protocol;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The main classes of protocol: no package cycle. The same rule as testkit's {@code PackageCycles},
 * which protocol cannot use (testkit depends on protocol).
 */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.numicoin.protocol");
        slices().matching("io.numicoin.(**)").namingSlices("io.numicoin.$1")
                .should().beFreeOfCycles()
                .because("packages of one module must form no cycle (STYLE.md)")
                .check(classes);
    }
}
