package io.numicoin.devnet;

import io.numicoin.testkit.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

/** The main classes of devnet: no package cycle (testkit's {@link PackageCycles}). */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertNoneInModuleOf(Devnet.class);
    }
}
