package io.numicoin.wallet.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.MlDsaKeyPair;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.wallet.keystore.KdfParams;
import io.numicoin.wallet.keystore.KeyKind;
import io.numicoin.wallet.keystore.Keystore;
import io.numicoin.wallet.keystore.UnlockedKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/keystore.md's recovery vectors: seed → 24 words → key pair → address. */
class KeyRecoveryTest {

    static final String ACVP_SEED = "8ab6448bf58f897d528a8de9f8e59329ac929a9cde7edf3e27e01bc9ef128a67";

    /**
     * The mnemonics of the all-zero and all-one seeds are BIP-39 reference vectors; the public key
     * hashes are the protocol's golden ones (the middle seed is NIST's ACVP keyGen vector); the
     * addresses follow from the protocol's address rule.
     */
    @ParameterizedTest
    @CsvSource({
        "0000000000000000000000000000000000000000000000000000000000000000, abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art, 578afd7e6e199ea6f7541b953c29c94250fed8340ce751694fcd4a011ecc859c, numi1k5cgswrgj43yj4cwr9xhk64jqnwdj3p35rye2p88u5nv4lc3qaes8tuaw0",
        "8ab6448bf58f897d528a8de9f8e59329ac929a9cde7edf3e27e01bc9ef128a67, melt rate carry twelve weasel salt enforce faculty try shrimp gospel fashion since essence inflict sound tennis van way daring page matter civil ticket, 404156a436a34d9a703977c143bc7576b98072dea5ea6eab4100b7772acef3ff, numi14s430vpwq88gzcp7rfem832rd77u2che7ywl74s4pl09lnsuckhssccym8",
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote, 6688b8023cd4f032a3bc62d7484656c59d788fd304ed428f1fefdf617330c38d, numi1wzvm5rcf6d4ulvyf4u6qpmaz3wwnq9hxm300wt6qhv076z540cmscj2vqt",
    })
    void seedMnemonicPublicKeyAddress(String seed, String phrase, String publicKeyBlake3, String address) throws Exception {
        assertThat(String.join(" ", KeyRecovery.mnemonic(new MlDsaPrivateKey(Bytes.fromHex(seed))))).isEqualTo(phrase);

        MlDsaKeyPair pair = KeyRecovery.recover(phrase);

        assertThat(pair.privateKey().seed().toHex()).isEqualTo(seed);
        assertThat(plainBlake3(pair.publicKey().bytes().toArray())).isEqualTo(publicKeyBlake3);
        assertThat(AddressFormat.encode(SpendingPolicyCodec.address(SpendingPolicy.singleKey(pair.publicKey())), AddressHrp.MAINNET))
                .isEqualTo(address);
    }

    /** The whole 1,952-byte public key recovered from the ACVP seed's words equals NIST's published one. */
    @Test
    void acvpPublicKeyIsRecoveredFromItsWords() throws Exception {
        String published = goldenPublicKey(ACVP_SEED);

        MlDsaKeyPair pair = KeyRecovery.recover(String.join(" ", KeyRecovery.mnemonic(new MlDsaPrivateKey(Bytes.fromHex(ACVP_SEED)))));

        assertThat(pair.publicKey().bytes().toHex()).isEqualTo(published);
    }

    @Test
    void generatedKeysRoundTripThroughTheirWords() throws Exception {
        Random random = new Random(17);
        for (int i = 0; i < 20; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            MlDsaPrivateKey key = new MlDsaPrivateKey(Bytes.of(seed));

            MlDsaKeyPair recovered = KeyRecovery.recover(String.join(" ", KeyRecovery.mnemonic(key)));

            assertThat(recovered.privateKey()).isEqualTo(key);
        }
    }

    /** Restoring a wallet: the words go into a new keystore that unlocks to the same key. */
    @Test
    void recoveredKeyGoesIntoAKeystore(@TempDir Path dir) throws Exception {
        List<String> words = KeyRecovery.mnemonic(new MlDsaPrivateKey(Bytes.fromHex(ACVP_SEED)));
        MlDsaKeyPair pair = KeyRecovery.recover(String.join(" ", words));
        Path path = dir.resolve("restored.numikey");
        char[] passphrase = "restored".toCharArray();

        new Keystore(new SecureRandom()).create(path, KeyKind.ML_DSA_65_SEED, pair.privateKey().seed().toArray(), passphrase,
                new KdfParams(64, 1, 1));

        assertThat(Keystore.inspect(path).publicKey()).isEqualTo(pair.publicKey().bytes());
        try (UnlockedKey key = Keystore.unlock(path, passphrase)) {
            assertThat(HexFormat.of().formatHex(key.secret())).isEqualTo(ACVP_SEED);
        }
    }

    @Test
    void aNumiKeyNeedsTwentyFourWords() {
        assertThatThrownBy(() -> KeyRecovery.recover("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"))
                .isInstanceOfSatisfying(MnemonicException.class, e -> assertThat(e.reason()).isEqualTo(MnemonicFailure.WRONG_WORD_COUNT));
    }

    /** protocol's test-jar: golden/mldsa65-keys.txt, the line with the full public key of {@code seed}. */
    private static String goldenPublicKey(String seed) throws IOException {
        try (InputStream in = Objects.requireNonNull(KeyRecoveryTest.class.getClassLoader().getResourceAsStream("golden/mldsa65-keys.txt"))) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .map(line -> line.strip().split("\\s+"))
                    .filter(fields -> fields.length == 3 && fields[0].equals(seed))
                    .map(fields -> fields[2]).findFirst().orElseThrow();
        }
    }

    private static String plainBlake3(byte[] data) {
        Blake3Digest digest = new Blake3Digest(256);
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
