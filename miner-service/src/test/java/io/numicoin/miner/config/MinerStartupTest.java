package io.numicoin.miner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.miner.MinerApplication;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.testkit.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The miner refuses to start with a payout address it cannot pay, and says why. ({@code MinerBesideNode}:
 * node-service is on this test class path.)
 */
class MinerStartupTest {

    private static ConfigurableApplicationContext start(String payout) {
        return new SpringApplicationBuilder(MinerApplication.class, io.numicoin.minertest.MinerBesideNode.class).properties("spring.config.name=" + MinerApplication.CONFIG_NAME)
                .run("--server.port=0", "--management.server.port=0", "--numi.miner.enabled=false",
                        "--numi.network=regtest", "--numi.miner.payout-address=" + payout,
                        "--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");
    }

    /** The startup failure's own exception, under Spring's bean-creation wrappers. */
    private static Throwable payoutFailure(Throwable e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof IllegalStateException && cause.getMessage().startsWith("numi.miner.payout-address"))) {
            cause = cause.getCause();
        }
        assertThat(cause).as("an IllegalStateException about numi.miner.payout-address in %s", e).isNotNull();
        return cause;
    }

    @Test
    void aMainnetAddressOnRegtestIsRefusedWithTheReason() {
        String mainnet = AddressFormat.encode(TestKeys.address(1), NetworkParams.mainnet().hrp());
        assertThatThrownBy(() -> start(mainnet)).satisfies(e -> {
            assertThat(payoutFailure(e).getMessage()).contains(mainnet).contains("rnumi1").contains("WRONG_HRP");
        });
    }

    @Test
    void aBrokenChecksumIsRefused() {
        String valid = AddressFormat.encode(TestKeys.address(1), NetworkParams.regtest().hrp());
        String broken = valid.substring(0, valid.length() - 1) + (valid.endsWith("q") ? "p" : "q");
        assertThatThrownBy(() -> PayoutAddress.parse(broken, NetworkParams.regtest()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("numi.miner.payout-address").hasMessageContaining(broken);
    }

    @Test
    void aRegtestAddressStartsTheMinerDisabled() {
        String valid = AddressFormat.encode(TestKeys.address(1), NetworkParams.regtest().hrp());
        try (ConfigurableApplicationContext context = start(valid)) {
            assertThat(context.getBean(io.numicoin.protocol.address.Address.class)).isEqualTo(TestKeys.address(1));
        }
    }
}
