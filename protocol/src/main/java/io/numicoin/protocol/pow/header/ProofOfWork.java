package io.numicoin.protocol.pow.header;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.pow.Argon2idProvider;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.pow.PowCheck;
import io.numicoin.protocol.pow.PowParams;
import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.hash.HashDomain;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * NumiCoin's proof of work. For the 128 encoded header bytes {@code H}:
 * <pre>
 *   salt    = BLAKE3(numi/block, H)[0..16]          (the first 16 bytes of the block id)
 *   pow     = BLAKE3(numi/pow, Argon2id(password = H, salt, T = 32 bytes))
 *   valid  &lt;=&gt; pow, read as a big-endian unsigned 256-bit integer, &lt;= the header's target
 * </pre>
 * with the network's Argon2id cost ({@link PowParams}) and no Argon2 secret or associated data.
 *
 * <p>Holds a reusable Argon2id hasher ({@link Argon2idProvider}, pure Java unless a service passes
 * another) and its memory, so it is <b>not thread-safe</b>:
 * use one instance per thread. {@link #hashCount()} alone may be read from any thread.
 */
public final class ProofOfWork {

    /** Bytes of the block id used as Argon2 salt. */
    public static final int SALT_BYTES = 16;

    /** Argon2id tag length. */
    public static final int ARGON2_OUTPUT_BYTES = 32;

    private final PowParams params;
    private final Argon2idProvider.Function argon2;
    private final byte[] salt = new byte[SALT_BYTES];
    private final byte[] argon2Output = new byte[ARGON2_OUTPUT_BYTES];
    private volatile long hashCount;

    /** With the protocol's pure-Java Argon2id. */
    public ProofOfWork(PowParams params) {
        this(params, Argon2idProvider.JAVA);
    }

    /** With the Argon2id step from {@code argon2} (which must give the same tags as the pure-Java one). */
    public ProofOfWork(PowParams params, Argon2idProvider argon2) {
        this.params = Objects.requireNonNull(params, "params");
        this.argon2 = Objects.requireNonNull(argon2, "argon2").create(params);
    }

    public PowParams params() {
        return params;
    }

    /**
     * The PoW hash of an encoded header ({@link BlockHeaderCodec#encode}).
     *
     * @throws IllegalArgumentException if {@code headerBytes} is not {@value BlockHeaderCodec#SIZE} bytes
     */
    public Hash256 powHash(byte[] headerBytes) {
        if (headerBytes.length != BlockHeaderCodec.SIZE) {
            throw new IllegalArgumentException("a header has " + BlockHeaderCodec.SIZE + " bytes, got " + headerBytes.length);
        }
        Blake3.hash(HashDomain.BLOCK, headerBytes).bytes().slice(0, SALT_BYTES).copyTo(salt, 0);
        argon2.hash(headerBytes, salt, argon2Output);
        hashCount++;
        return Blake3.hash(HashDomain.POW, argon2Output);
    }

    public Hash256 powHash(BlockHeader header) {
        return powHash(BlockHeaderCodec.encode(header));
    }

    /**
     * True when {@code powHash}, read as a big-endian unsigned 256-bit integer, is at most the
     * target. A non-canonical target is met by nothing.
     */
    public static boolean meetsTarget(Hash256 powHash, CompactTarget target) {
        return target.isCanonical() && meets(powHash, targetBytes(target));
    }

    /** Checks the header's proof of work: one Argon2id evaluation unless the target is malformed. */
    public PowCheck verify(BlockHeader header) {
        if (!header.target().isCanonical()) {
            return PowCheck.NON_CANONICAL_TARGET;
        }
        return meets(powHash(header), targetBytes(header.target())) ? PowCheck.VALID : PowCheck.ABOVE_TARGET;
    }

    /**
     * Checks the header's proof of work against {@code expected}, the target the difficulty rule
     * gives on its branch, whatever target the header claims: one Argon2id evaluation unless either
     * target is malformed or the header claims another target (then none).
     */
    public PowCheck verify(BlockHeader header, CompactTarget expected) {
        if (!expected.isCanonical() || !header.target().isCanonical()) {
            return PowCheck.NON_CANONICAL_TARGET;
        }
        if (!header.target().equals(expected)) {
            return PowCheck.ABOVE_TARGET;
        }
        return meets(powHash(header), targetBytes(expected)) ? PowCheck.VALID : PowCheck.ABOVE_TARGET;
    }

    /**
     * Tries nonces {@code startNonce, startNonce + 1, ...} (wrapping around) on {@code template}
     * for at most {@code attempts} hashes and returns the first header that meets its own target.
     * Checks {@code cancelled} before every attempt; empty when cancelled or out of attempts.
     *
     * @throws IllegalArgumentException if the template's target is not canonical
     */
    public Optional<BlockHeader> mine(BlockHeader template, long startNonce, long attempts, BooleanSupplier cancelled) {
        if (!template.target().isCanonical()) {
            throw new IllegalArgumentException("cannot mine to non-canonical target " + template.target());
        }
        byte[] target = targetBytes(template.target());
        for (long i = 0; i < attempts && !cancelled.getAsBoolean(); i++) {
            BlockHeader candidate = template.withNonce(startNonce + i);
            if (meets(powHash(candidate), target)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * PoW hashes this instance has computed since it was made (by {@link #powHash}, {@link #verify}
     * and {@link #mine}). Safe to read from any thread: sample it twice for a hashrate.
     */
    public long hashCount() {
        return hashCount;
    }

    private static boolean meets(Hash256 powHash, byte[] target) {
        return Arrays.compareUnsigned(powHash.toArray(), target) <= 0;
    }

    /** The canonical target as 32 big-endian bytes. */
    private static byte[] targetBytes(CompactTarget target) {
        BigInteger value = target.toTarget();
        byte[] minimal = value.toByteArray();
        byte[] out = new byte[Hash256.SIZE];
        int length = Math.min(minimal.length, Hash256.SIZE);
        System.arraycopy(minimal, minimal.length - length, out, Hash256.SIZE - length, length);
        return out;
    }
}
