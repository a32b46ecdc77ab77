package io.numicoin.consensus;

import io.numicoin.testkit.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

/** consensus-tests has only test classes: they form no package cycle (testkit's {@link PackageCycles}). */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertNoneInModuleOf(PackageCyclesTest.class);
    }
}
