package io.numicoin.network.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.peer.PeerId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFactoryTest {

    @TempDir
    Path dir;

    @Test
    void keepsThePeerIdAcrossRestartsInAKeyOnlyItsOwnerReads() throws Exception {
        Path dataDir = dir.resolve("a/b");
        PeerId first;
        try (NettyHost host = HostFactory.withKeyIn(dataDir, HostConfig.defaults())) {
            first = host.peerId();
        }
        try (NettyHost host = HostFactory.withKeyIn(dataDir, HostConfig.defaults())) {
            assertThat(host.peerId()).isEqualTo(first);
        }
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(HostFactory.KEY_FILE)))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void refusesAKeyFileThatIsNoKey() throws Exception {
        Files.write(dir.resolve(HostFactory.KEY_FILE), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> HostFactory.withKeyIn(dir, HostConfig.defaults()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unusable");
    }

    @Test
    void limitsReplaceOnlyTheirOwnSettings() {
        HostConfig base = HostConfig.defaults().withConnectionLimits(5, 6);
        HostConfig limited = new HostLimits(3, 4 << 20, Duration.ofSeconds(9)).applyTo(base);
        assertThat(limited.maxPendingInbound()).isEqualTo(3);
        assertThat(limited.maxQueuedBytesPerConnection()).isEqualTo(4 << 20);
        assertThat(limited.writeStallTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(limited.maxInbound()).isEqualTo(5);
        assertThat(limited.maxOutbound()).isEqualTo(6);
        assertThatThrownBy(() -> new HostLimits(0, 1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
