package io.numicoin.protocol.codec;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.hash.HashDomain;
import java.util.ArrayList;
import java.util.List;

/**
 * A spending policy's one encoding: threshold u8 | key count u8 | keys (1,952 bytes each).
 * Its address is BLAKE3 ({@code numi/address}) of that encoding.
 */
public final class SpendingPolicyCodec {

    private SpendingPolicyCodec() {
    }

    public static void write(ByteWriter writer, SpendingPolicy policy) {
        writer.u8(policy.threshold()).u8(policy.keys().size());
        for (MlDsaPublicKey key : policy.keys()) {
            writer.bytes(key.bytes());
        }
    }

    public static byte[] encode(SpendingPolicy policy) {
        ByteWriter writer = new ByteWriter(2 + policy.keys().size() * MlDsaPublicKey.SIZE);
        write(writer, policy);
        return writer.toByteArray();
    }

    /** Decodes exactly one policy: no trailing bytes. */
    public static SpendingPolicy decode(byte[] bytes) throws DecodeException {
        ByteReader reader = new ByteReader(bytes);
        SpendingPolicy policy = read(reader);
        reader.expectEnd("policy");
        return policy;
    }

    public static SpendingPolicy read(ByteReader reader) throws DecodeException {
        int threshold = reader.u8("policy threshold");
        int count = reader.u8("policy key count");
        if (count < 1 || count > SpendingPolicy.MAX_KEYS) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "policy has " + count + " keys, allowed 1.." + SpendingPolicy.MAX_KEYS);
        }
        if (threshold < 1 || threshold > count) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "policy threshold " + threshold + " is not within 1.." + count);
        }
        List<MlDsaPublicKey> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(new MlDsaPublicKey(Bytes.of(reader.bytes(MlDsaPublicKey.SIZE, "policy key"))));
        }
        if (keys.stream().distinct().count() != count) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "policy keys are not distinct");
        }
        return new SpendingPolicy(threshold, keys);
    }

    public static Address address(SpendingPolicy policy) {
        return new Address(Blake3.hash(HashDomain.ADDRESS, encode(policy)));
    }
}
