package io.numicoin.wallet.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.bytes.Bytes;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

/** The test vectors of docs/keystore.md: fixed passphrase, salt, nonce and small KDF parameters give exact bytes. */
class KeystoreVectorTest {

    static final HexFormat HEX = HexFormat.of();
    static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    static final KdfParams KDF = new KdfParams(256, 2, 1);
    static final Bytes SALT = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");
    static final Bytes NONCE = Bytes.fromHex("101112131415161718191a1b");
    /** RFC 8032 §7.1 test 1: its public key is d75a9801...511a. */
    static final String ED25519_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    /** NIST ACVP ML-DSA-keyGen-FIPS204 tgId 2 tcId 26 (protocol's golden/mldsa65-keys.txt). */
    static final String ML_DSA_SEED = "8ab6448bf58f897d528a8de9f8e59329ac929a9cde7edf3e27e01bc9ef128a67";

    static final String ED25519_FILE = "4e554d494b4559000001000000b4076564323535313901000001000000000200000001"
            + "000102030405060708090a0b0c0d0e0f01101112131415161718191a1b0020d75a980182b10ab7d54bfed3c964073a0ee172f3"
            + "daa62325af021a68f707511a00303055beaffaf1cb46e344169ce752c3bce47f3b9174837a5f8e2ee176658c8f9c3bdae7d717"
            + "cebc729b8b09a71e7e90d59195eb1e9f456a35084903c6e97cbaa12ee3e06420b7bbf295d2f196fd51c8a5";
    static final String ML_DSA_FILE_SHA256 = "ed59cb37637b79c7f38517cb77d41ae677f4569a254bdab6c64483386bb3dfb1";
    static final String ML_DSA_FILE_TAIL = "27824bb9e083185b0b4ad1818d5b7c510ca46464d1cfcc78d9f556bc96307a9be6de85d8"
            + "2d6b1a824e5b0f60e5f789b1c973396098778fa89ba07b6bc1da1d95a8bc00e4d3bf4739915a8beb14373181";

    @Test
    void ed25519VectorGivesTheExactFileBytes() throws Exception {
        byte[] file = KeystoreCrypto.seal(KeyKind.ED25519, HEX.parseHex(ED25519_SECRET), PASSPHRASE, KDF, SALT, NONCE);

        assertThat(HEX.formatHex(file)).isEqualTo(ED25519_FILE);
        try (UnlockedKey key = KeystoreCrypto.open(HEX.parseHex(ED25519_FILE), PASSPHRASE)) {
            assertThat(HEX.formatHex(key.secret())).isEqualTo(ED25519_SECRET);
            assertThat(key.publicKey().toHex()).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        }
    }

    @Test
    void mlDsaVectorGivesTheExactFileBytes() throws Exception {
        byte[] file = KeystoreCrypto.seal(KeyKind.ML_DSA_65_SEED, HEX.parseHex(ML_DSA_SEED), PASSPHRASE, KDF, SALT, NONCE);

        assertThat(file).hasSize(2107);
        assertThat(HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(file))).isEqualTo(ML_DSA_FILE_SHA256);
        assertThat(HEX.formatHex(file, file.length - 80, file.length)).isEqualTo(ML_DSA_FILE_TAIL);
        try (UnlockedKey key = KeystoreCrypto.open(file, PASSPHRASE)) {
            assertThat(HEX.formatHex(key.secret())).isEqualTo(ML_DSA_SEED);
        }
    }

    /** The protocol's Argon2id, used for the keystore key, agrees with Bouncy Castle's independent one. */
    @Test
    void keyDerivationMatchesBouncyCastleArgon2id() {
        byte[] ours = PassphraseKdf.deriveKey(PASSPHRASE, SALT.toArray(), KDF);

        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(KDF.memoryKiB()).withIterations(KDF.iterations()).withParallelism(KDF.parallelism())
                .withSalt(SALT.toArray()).build());
        byte[] theirs = new byte[32];
        generator.generateBytes(PASSPHRASE, theirs);

        assertThat(ours).isEqualTo(theirs);
    }

    @Test
    void fileLayoutFieldsSitWhereTheDocsSay() {
        byte[] file = HEX.parseHex(ED25519_FILE);

        assertThat(new String(file, 0, 7, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("NUMIKEY");
        assertThat(file[9]).isEqualTo((byte) 1);
        assertThat(file[13] & 0xff).isEqualTo(180);
        assertThat(new String(file, 15, file[14], java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ed25519");
    }
}
