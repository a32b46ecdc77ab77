package io.numicoin.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.ConsensusMlDsaVerifier;
import io.numicoin.protocol.crypto.ExpandedKeyCache;
import io.numicoin.protocol.crypto.MlDsaKeyPair;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.crypto.MlDsaVerdict;
import io.numicoin.testkit.TestKeys;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpandedKeyMetersTest {

    @ParameterizedTest(name = "{0} keys kept: {1} cached, {2} expanded")
    @CsvSource({"4, 2, 1", "0, 0, 3"})
    void countsTheChecksThatFoundTheirKeyExpandedAndThoseThatExpandedIt(int capacity, double cached, double now) {
        MeterRegistry registry = new SimpleMeterRegistry();
        ExpandedKeyCache keys = new ExpandedKeyCache(capacity);
        ExpandedKeyMeters.register(registry, "numi.test.signature_keys", "test checks", "numi.test.expanded-keys", keys);
        ConsensusMlDsaVerifier verifier = MlDsaProviders.consensus(keys);
        MlDsaKeyPair pair = TestKeys.key(3);
        byte[] message = "counted".getBytes(StandardCharsets.US_ASCII);
        Bytes signature = MlDsaProviders.bouncyCastle().sign(pair.privateKey(), message).bytes();

        for (int i = 0; i < 3; i++) {
            assertThat(verifier.verdict(pair.publicKey(), message, signature)).isEqualTo(MlDsaVerdict.VALID);
        }

        assertThat(registry.get("numi.test.signature_keys").tag("expanded", "cached").functionCounter().count()).isEqualTo(cached);
        assertThat(registry.get("numi.test.signature_keys").tag("expanded", "now").functionCounter().count()).isEqualTo(now);
        assertThat(registry.get("numi.test.signature_keys").tag("expanded", "now").functionCounter().getId().getDescription())
                .isEqualTo("test checks that expanded their public key (numi.test.expanded-keys)");
    }
}
