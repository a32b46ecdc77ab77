package io.numicoin.wallet;

import io.numicoin.testkit.architecture.PackageCycles;
import io.numicoin.wallet.keystore.KdfParams;
import org.junit.jupiter.api.Test;

/** The main classes of wallet: no package cycle (testkit's {@link PackageCycles}). */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertNoneInModuleOf(KdfParams.class);
    }
}
