package io.numicoin.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PolicySignatureRuleTest {

    private static final Hash256 TXID = Hash256.fromHex("5a".repeat(32));
    private static final Hash256 OTHER_TXID = Hash256.fromHex("5b".repeat(32));

    private static final MlDsaProvider PROVIDER = MlDsaProviders.preferred();
    private static final PolicySignatureRule RULE = new PolicySignatureRule(PROVIDER);
    private static final PolicySigner SIGNER = new PolicySigner(PROVIDER);

    /** Private keys of seeds 1..5 and their public keys. */
    private static final List<MlDsaPrivateKey> PRIVATE = new ArrayList<>();
    private static final List<MlDsaPublicKey> PUBLIC = new ArrayList<>();

    @BeforeAll
    static void keys() {
        for (int n = 1; n <= 5; n++) {
            PRIVATE.add(TestSeeds.privateKey(n));
            PUBLIC.add(PROVIDER.publicKey(TestSeeds.privateKey(n)));
        }
    }

    private static SpendingPolicy twoOfThree() {
        return new SpendingPolicy(2, PUBLIC.subList(0, 3));
    }

    private static SpendingPolicy threeOfFive() {
        return new SpendingPolicy(3, PUBLIC);
    }

    private static TxSignature signature(int keyIndex, Hash256 message) {
        return new TxSignature(keyIndex, PROVIDER.sign(PRIVATE.get(keyIndex), message.toArray()));
    }

    @Test
    void singleKeyPolicy() {
        SpendingPolicy policy = SpendingPolicy.singleKey(PUBLIC.get(0));

        assertThat(RULE.check(policy, TXID, List.of(signature(0, TXID)))).isEqualTo(PolicySignatureResult.VALID);
        assertThat(RULE.check(policy, TXID, List.of(signature(0, OTHER_TXID))))
                .isEqualTo(new PolicySignatureResult(PolicySignatureCheck.BAD_SIGNATURE, 0));
        assertThat(RULE.check(policy, TXID, List.of())).isEqualTo(new PolicySignatureResult(PolicySignatureCheck.WRONG_SIGNATURE_COUNT, -1));
    }

    @Test
    void twoOfThreeAcceptsEveryPairInAscendingOrder() {
        SpendingPolicy policy = twoOfThree();
        int[][] pairs = {{0, 1}, {0, 2}, {1, 2}};
        for (int[] pair : pairs) {
            List<TxSignature> signatures = List.of(signature(pair[0], TXID), signature(pair[1], TXID));
            PolicySignatureResult result = RULE.check(policy, TXID, signatures);

            assertThat(result.isValid()).as("keys %d,%d", pair[0], pair[1]).isTrue();
            assertThat(result).isEqualTo(PolicySignatureResult.VALID);
        }
    }

    @Test
    void twoOfThreeRejectsEveryBadCase() {
        SpendingPolicy policy = twoOfThree();
        TxSignature s0 = signature(0, TXID);
        TxSignature s1 = signature(1, TXID);
        TxSignature s2 = signature(2, TXID);

        assertThat(RULE.check(policy, TXID, List.of(s0))).isEqualTo(failure(PolicySignatureCheck.WRONG_SIGNATURE_COUNT, -1));
        assertThat(RULE.check(policy, TXID, List.of(s0, s1, s2))).isEqualTo(failure(PolicySignatureCheck.WRONG_SIGNATURE_COUNT, -1));
        assertThat(RULE.check(policy, TXID, List.of(s1, s0))).isEqualTo(failure(PolicySignatureCheck.KEY_INDEX_NOT_ASCENDING, 1));
        assertThat(RULE.check(policy, TXID, List.of(s1, s1))).isEqualTo(failure(PolicySignatureCheck.KEY_INDEX_NOT_ASCENDING, 1));
        // Key 3 does not exist in a 3-key policy, whatever it signed.
        TxSignature outOfRange = new TxSignature(3, PROVIDER.sign(PRIVATE.get(3), TXID.toArray()));
        assertThat(RULE.check(policy, TXID, List.of(s0, outOfRange))).isEqualTo(failure(PolicySignatureCheck.KEY_INDEX_OUT_OF_RANGE, 1));
        assertThat(RULE.check(policy, TXID, List.of(new TxSignature(255, s0.signature()), s1)))
                .isEqualTo(failure(PolicySignatureCheck.KEY_INDEX_OUT_OF_RANGE, 0));
        // Key 1's signature claimed for key 2.
        assertThat(RULE.check(policy, TXID, List.of(s0, new TxSignature(2, s1.signature()))))
                .isEqualTo(failure(PolicySignatureCheck.BAD_SIGNATURE, 1));
        // Valid signatures over another message.
        assertThat(RULE.check(policy, OTHER_TXID, List.of(s0, s2))).isEqualTo(failure(PolicySignatureCheck.BAD_SIGNATURE, 0));
        // One corrupted signature.
        byte[] corrupted = s2.signature().bytes().toArray();
        corrupted[100] ^= 0x01;
        assertThat(RULE.check(policy, TXID, List.of(s0, new TxSignature(2, new MlDsaSignature(Bytes.of(corrupted))))))
                .isEqualTo(failure(PolicySignatureCheck.BAD_SIGNATURE, 1));
        // A signature by a key outside the policy.
        TxSignature stranger = new TxSignature(1, PROVIDER.sign(PRIVATE.get(4), TXID.toArray()));
        assertThat(RULE.check(policy, TXID, List.of(s0, stranger))).isEqualTo(failure(PolicySignatureCheck.BAD_SIGNATURE, 1));
    }

    @Test
    void structuralChecksComeBeforeAnyVerification() {
        SpendingPolicy policy = twoOfThree();
        TxSignature badButEarly = new TxSignature(0, signature(1, OTHER_TXID).signature());
        TxSignature outOfOrder = signature(0, TXID);

        assertThat(RULE.check(policy, TXID, List.of(badButEarly, new TxSignature(7, outOfOrder.signature()))))
                .isEqualTo(failure(PolicySignatureCheck.KEY_INDEX_OUT_OF_RANGE, 1));
    }

    @Test
    void threeOfFiveGoodAndBad() {
        SpendingPolicy policy = threeOfFive();
        List<TxSignature> good = SIGNER.sign(policy, Map.of(4, PRIVATE.get(4), 0, PRIVATE.get(0), 2, PRIVATE.get(2)), TXID);

        assertThat(good).extracting(TxSignature::keyIndex).containsExactly(0, 2, 4);
        assertThat(RULE.check(policy, TXID, good)).isEqualTo(PolicySignatureResult.VALID);
        assertThat(RULE.check(policy, TXID, good.subList(0, 2))).isEqualTo(failure(PolicySignatureCheck.WRONG_SIGNATURE_COUNT, -1));
        assertThat(RULE.check(policy, TXID, List.of(good.get(0), good.get(2), good.get(1))))
                .isEqualTo(failure(PolicySignatureCheck.KEY_INDEX_NOT_ASCENDING, 2));
        assertThat(RULE.check(policy, TXID, List.of(good.get(0), good.get(1), new TxSignature(5, good.get(2).signature()))))
                .isEqualTo(failure(PolicySignatureCheck.KEY_INDEX_OUT_OF_RANGE, 2));
        assertThat(RULE.check(policy, TXID, List.of(good.get(0), good.get(1), new TxSignature(3, good.get(2).signature()))))
                .isEqualTo(failure(PolicySignatureCheck.BAD_SIGNATURE, 2));
        assertThat(RULE.check(policy, OTHER_TXID, good)).isEqualTo(failure(PolicySignatureCheck.BAD_SIGNATURE, 0));
    }

    @Test
    void cosignersSignSeparatelyAndCombine() {
        SpendingPolicy policy = threeOfFive();
        TxSignature fromKey3 = SIGNER.signOne(policy, 3, PRIVATE.get(3), TXID);
        TxSignature fromKey1 = SIGNER.signOne(policy, 1, PRIVATE.get(1), TXID);
        TxSignature fromKey4 = SIGNER.signOne(policy, 4, PRIVATE.get(4), TXID);

        List<TxSignature> combined = PolicySigner.inCanonicalOrder(List.of(fromKey3, fromKey4, fromKey1));

        assertThat(combined).extracting(TxSignature::keyIndex).containsExactly(1, 3, 4);
        assertThat(RULE.check(policy, TXID, combined)).isEqualTo(PolicySignatureResult.VALID);
    }

    @Test
    void signerRefusesWrongKeysAndCounts() {
        SpendingPolicy policy = twoOfThree();

        assertThatThrownBy(() -> SIGNER.signOne(policy, 0, PRIVATE.get(1), TXID)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SIGNER.signOne(policy, 3, PRIVATE.get(3), TXID)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SIGNER.sign(policy, Map.of(0, PRIVATE.get(0)), TXID)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bothImplementationsAgreeOnTheRule() {
        SpendingPolicy policy = twoOfThree();
        List<TxSignature> byBc = new PolicySigner(Providers.BC).sign(policy, Map.of(0, PRIVATE.get(0), 2, PRIVATE.get(2)), TXID);

        assertThat(new PolicySignatureRule(Providers.JDK).check(policy, TXID, byBc)).isEqualTo(PolicySignatureResult.VALID);
        assertThat(new PolicySignatureRule(Providers.BC).check(policy, TXID, byBc)).isEqualTo(PolicySignatureResult.VALID);
        assertThat(new PolicySignatureRule(Providers.BC).check(policy, OTHER_TXID, byBc))
                .isEqualTo(failure(PolicySignatureCheck.BAD_SIGNATURE, 0));
    }

    private static PolicySignatureResult failure(PolicySignatureCheck check, int index) {
        return new PolicySignatureResult(check, index);
    }
}
