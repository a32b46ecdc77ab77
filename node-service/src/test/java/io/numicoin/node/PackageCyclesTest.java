package io.numicoin.node;

import io.numicoin.testkit.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

/** The main classes of node-service: no package cycle (testkit's {@link PackageCycles}). */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertNoneInModuleOf(NodeApplication.class);
    }
}
