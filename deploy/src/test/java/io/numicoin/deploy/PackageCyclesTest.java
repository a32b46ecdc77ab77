package io.numicoin.deploy;

import io.numicoin.testkit.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

/** deploy has only test classes: they form no package cycle (testkit's {@link PackageCycles}). */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertNoneInModuleOf(PackageCyclesTest.class);
    }
}
