package io.numicoin.p2p.peer;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A libp2p peer id: the multihash of a peer's protobuf-encoded public key (identity multihash for
 * keys of at most 42 bytes, such as Ed25519's), shown in base58btc ({@code 12D3KooW...}).
 * See libp2p/specs peer-ids.
 */
public final class PeerId implements Comparable<PeerId> {

    /** Bounds what a decoder accepts: an identity multihash of a 42-byte key, or a sha2-256 one. */
    public static final int MAX_BYTES = 64;

    private final byte[] multihash;

    private PeerId(byte[] multihash) {
        this.multihash = multihash;
    }

    /** The peer id of an Ed25519 public key (32 raw bytes). */
    public static PeerId fromEd25519PublicKey(byte[] rawKey) {
        if (rawKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, got " + rawKey.length);
        }
        // PublicKey { Type = Ed25519 (1); Data = key }: 08 01 12 20 <32 bytes>
        byte[] encodedKey = new byte[36];
        encodedKey[0] = 0x08;
        encodedKey[1] = 0x01;
        encodedKey[2] = 0x12;
        encodedKey[3] = 0x20;
        System.arraycopy(rawKey, 0, encodedKey, 4, 32);
        byte[] multihash = new byte[2 + encodedKey.length];
        multihash[0] = 0x00; // identity
        multihash[1] = (byte) encodedKey.length;
        System.arraycopy(encodedKey, 0, multihash, 2, encodedKey.length);
        return new PeerId(multihash);
    }

    /** Wraps multihash bytes received from the wire (checked: non-empty, bounded). */
    public static PeerId fromBytes(byte[] multihash) {
        if (multihash.length < 2 || multihash.length > MAX_BYTES) {
            throw new IllegalArgumentException("a peer id multihash has 2.." + MAX_BYTES + " bytes, got " + multihash.length);
        }
        return new PeerId(multihash.clone());
    }

    public static PeerId fromBase58(String text) {
        return fromBytes(Base58.decode(text));
    }

    public byte[] toBytes() {
        return multihash.clone();
    }

    public String toBase58() {
        return Base58.encode(multihash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerId other && Arrays.equals(multihash, other.multihash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(multihash);
    }

    @Override
    public int compareTo(PeerId other) {
        return Arrays.compareUnsigned(multihash, other.multihash);
    }

    @Override
    public String toString() {
        return toBase58();
    }

    String toHex() {
        return HexFormat.of().formatHex(multihash);
    }
}
