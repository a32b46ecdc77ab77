package io.numicoin.p2p;

import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.testkit.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

/** The main classes of p2p: no package cycle (testkit's {@link PackageCycles}). */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertNoneInModuleOf(NettyHost.class);
    }
}
