package io.numicoin.mempool;

import io.numicoin.testkit.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

/** The main classes of mempool-service: no package cycle (testkit's {@link PackageCycles}). */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertNoneInModuleOf(MempoolApplication.class);
    }
}
