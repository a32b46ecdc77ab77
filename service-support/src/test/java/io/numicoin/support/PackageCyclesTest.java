package io.numicoin.support;

import io.numicoin.support.problem.Problem;
import io.numicoin.testkit.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

/** The main classes of service-support: no package cycle (testkit's {@link PackageCycles}). */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertNoneInModuleOf(Problem.class);
    }
}
