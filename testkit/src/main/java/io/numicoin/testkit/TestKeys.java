package io.numicoin.testkit;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.MlDsaKeyPair;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.crypto.MlDsaProvider;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.crypto.SpendingPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deterministic ML-DSA-65 keys for tests: key {@code n} is always the same, on every machine.
 * Never use these outside tests — their seeds are public.
 */
public final class TestKeys {

    private static final MlDsaProvider PROVIDER = MlDsaProviders.preferred();
    private static final ConcurrentHashMap<Integer, MlDsaKeyPair> CACHE = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    /** The key pair whose seed is derived from {@code n}. */
    public static MlDsaKeyPair key(int n) {
        return CACHE.computeIfAbsent(n, TestKeys::derive);
    }

    /** The single-key policy of key {@code n}. */
    public static SpendingPolicy policy(int n) {
        return SpendingPolicy.singleKey(key(n).publicKey());
    }

    /** The address of key {@code n}'s single-key policy. */
    public static Address address(int n) {
        return SpendingPolicyCodec.address(policy(n));
    }

    public static MlDsaProvider provider() {
        return PROVIDER;
    }

    private static MlDsaKeyPair derive(int n) {
        byte[] seed;
        try {
            seed = MessageDigest.getInstance("SHA-256").digest(("numicoin test key " + n).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        MlDsaPrivateKey privateKey = new MlDsaPrivateKey(Bytes.of(seed));
        return new MlDsaKeyPair(privateKey, PROVIDER.publicKey(privateKey));
    }
}
