package io.numicoin.devnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wallet's defaults from the environment (the compose file's wallet container sets them). */
class WalletEnvironmentTest {

    @Test
    void withoutVariablesTheDefaultsAreTheDevnets() {
        WalletEnvironment defaults = WalletEnvironment.of(Map.<String, String>of()::get);
        assertThat(defaults.node()).isEqualTo("http://127.0.0.1:8080");
        assertThat(defaults.mempool()).isEqualTo("http://127.0.0.1:8080");
        assertThat(defaults.walletDir()).isEqualTo(Path.of("data/devnet/wallets"));
    }

    @Test
    void theNodeVariableIsAlsoTheMempoolsUnlessThatIsSet() {
        WalletEnvironment gateway = WalletEnvironment.of(Map.of("NUMI_WALLET_NODE", "http://gateway:8080",
                "NUMI_WALLET_DIR", "/var/lib/numi/wallets")::get);
        assertThat(gateway.node()).isEqualTo("http://gateway:8080");
        assertThat(gateway.mempool()).isEqualTo("http://gateway:8080");
        assertThat(gateway.walletDir()).isEqualTo(Path.of("/var/lib/numi/wallets"));

        WalletEnvironment split = WalletEnvironment.of(Map.of("NUMI_WALLET_NODE", "http://node1:8082",
                "NUMI_WALLET_MEMPOOL", " http://mempool:8083 ")::get);
        assertThat(split.node()).isEqualTo("http://node1:8082");
        assertThat(split.mempool()).isEqualTo("http://mempool:8083");
    }

    @Test
    void aBlankVariableLeavesTheDefault() {
        WalletEnvironment blank = WalletEnvironment.of(Map.of("NUMI_WALLET_NODE", " ", "NUMI_WALLET_DIR", "")::get);
        assertThat(blank.node()).isEqualTo("http://127.0.0.1:8080");
        assertThat(blank.walletDir()).isEqualTo(Path.of("data/devnet/wallets"));
    }
}
