package io.numicoin.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.devnet.process.ServiceSpec;
import io.numicoin.wallet.keystore.Keystore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./numi devnet --pool}: the pool's keystore made once, its process and the CPU miner's command lines. */
class DevnetPoolTest {

    @TempDir
    Path dir;

    private DevnetPool pool(int offset) {
        return new DevnetPool(new DevnetLayout(dir), offset, Path.of("pool.jar"), "127.0.0.1:5433", "127.0.0.1:9092", 8082 + offset,
                8083 + offset);
    }

    @Test
    void theKeystoreIsMadeOnceAndItsAddressIsARegtestOne() throws Exception {
        DevnetPool pool = pool(0);
        String address = pool.ensureKey();
        assertThat(address).startsWith("rnumi1");
        assertThat(Files.exists(pool.keystore())).isTrue();
        byte[] before = Files.readAllBytes(pool.keystore());
        assertThat(pool.ensureKey()).isEqualTo(address);
        assertThat(Files.readAllBytes(pool.keystore())).isEqualTo(before);
        assertThat(Keystore.inspect(pool.keystore()).kind().id()).isEqualTo("ml-dsa-65-seed");
    }

    @Test
    void thePoolAndTheMinerUseTheOffsetPortsAndTheDevnetsSecrets() {
        DevnetPool pool = pool(700);
        ServiceSpec spec = pool.pool();
        assertThat(spec.arguments()).contains("--numi.stratum.port=4033", "--server.port=8788", "--management.server.port=9788",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5433/numi_pool", "--numi.upstream.node=http://127.0.0.1:8782",
                "--numi.upstream.mempool=http://127.0.0.1:8783",
                "--numi.upstream.mining-token-file=" + dir.resolve("mining.token").toAbsolutePath(),
                "--numi.pool.passphrase-source=file:" + dir.resolve("pool.passphrase").toAbsolutePath());
        ServiceSpec miner = pool.cpuMiner("rnumi1abc");
        assertThat(miner.arguments()).containsExactly("cpuminer", "127.0.0.1:4033", "rnumi1abc.devnet", "1");
        assertThat(miner.jar()).isEqualTo(spec.jar());
    }
}
