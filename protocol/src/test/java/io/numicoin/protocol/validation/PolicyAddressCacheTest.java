package io.numicoin.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.testing.RandomProtocolValues;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The memo answers exactly what the codec computes, for policies seen again, new ones and past its capacity. */
class PolicyAddressCacheTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void answersWhatTheCodecComputes(long seed) {
        RandomProtocolValues values = new RandomProtocolValues(seed);
        PolicyAddressCache cache = new PolicyAddressCache(8);
        List<SpendingPolicy> policies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            policies.add(values.policy());
        }
        for (int round = 0; round < 200; round++) {
            SpendingPolicy policy = policies.get(values.random().nextInt(policies.size()));
            // An equal policy built anew (a decoded copy) hits the same entry.
            SpendingPolicy copy = new SpendingPolicy(policy.threshold(), List.copyOf(policy.keys()));
            assertThat(cache.addressOf(round % 2 == 0 ? policy : copy)).isEqualTo(SpendingPolicyCodec.address(policy));
            assertThat(cache.size()).isBetween(1, 8);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5})
    void aPolicyDifferingInItsThresholdOrOneKeyHasItsOwnAddress(long seed) {
        RandomProtocolValues values = new RandomProtocolValues(seed);
        PolicyAddressCache cache = new PolicyAddressCache(16);
        SpendingPolicy policy = values.policy();
        cache.addressOf(policy);
        List<io.numicoin.protocol.crypto.MlDsaPublicKey> keys = new ArrayList<>(policy.keys());
        keys.set(keys.size() - 1, values.key());
        SpendingPolicy otherKey = new SpendingPolicy(policy.threshold(), keys);

        assertThat(cache.addressOf(otherKey)).isEqualTo(SpendingPolicyCodec.address(otherKey))
                .isNotEqualTo(cache.addressOf(policy));
        if (policy.keys().size() > 1) {
            SpendingPolicy otherThreshold = new SpendingPolicy(policy.threshold() == 1 ? 2 : 1, policy.keys());
            assertThat(cache.addressOf(otherThreshold)).isEqualTo(SpendingPolicyCodec.address(otherThreshold))
                    .isNotEqualTo(cache.addressOf(policy));
        }
    }
}
