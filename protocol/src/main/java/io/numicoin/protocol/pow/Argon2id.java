package io.numicoin.protocol.pow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Argon2id (RFC 9106, version 0x13) in pure Java, built for repeated hashing with one parameter
 * set: the hasher owns its {@code memoryKiB} KiB of block memory and every other buffer, so a hash
 * allocates nothing. Lanes ({@code parallelism > 1}) are computed one after another on the calling
 * thread; the result is the same as a multi-threaded implementation's.
 *
 * <p>The compression {@code G} comes from an {@link Argon2Kernel} (by default the fastest this JVM can
 * run); every kernel gives the same tags.
 *
 * <p>Not thread-safe: one instance per thread. The memory is not wiped after hashing (proof of
 * work has no secrets); an instance used for password hashing must be cleared with {@link #wipe()}.
 */
public final class Argon2id {

    /** Largest memory a Java array of words can hold ({@code 2^24 - 1} KiB, just under 16 GiB). */
    public static final int MAX_MEMORY_KIB = Integer.MAX_VALUE / BlaMka.WORDS;

    private static final int VERSION = 0x13;
    private static final int TYPE_ID = 2;
    private static final int SYNC_POINTS = 4;
    private static final int BLOCK_BYTES = BlaMka.WORDS * 8;
    private static final int H0_BYTES = 64;
    private static final int ZERO_BLOCK = 0;
    private static final int INPUT_BLOCK = BlaMka.WORDS;
    private static final int ADDRESS_BLOCK = 2 * BlaMka.WORDS;
    private static final byte[] EMPTY = new byte[0];
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int memoryKiB;
    private final int iterations;
    private final int lanes;
    private final int laneLength;
    private final int segmentLength;
    private final long[] memory;
    private final Argon2Kernel kernel;
    private final BlockCompression compression;
    private final long[] scratch;
    private final long[] addressing = new long[3 * BlaMka.WORDS];
    private final byte[] seed = new byte[H0_BYTES + 8];
    private final byte[] blockBytes = new byte[BLOCK_BYTES];
    private final Argon2VariableHash variableHash = new Argon2VariableHash();

    /**
     * Allocates a hasher for one parameter set, computing with {@link Argon2Kernel#fastest()}.
     *
     * @throws IllegalArgumentException unless {@code iterations >= 1}, {@code parallelism >= 1} and
     *     {@code 8 * parallelism <= memoryKiB <= MAX_MEMORY_KIB}
     */
    public Argon2id(int memoryKiB, int iterations, int parallelism) {
        this(memoryKiB, iterations, parallelism, Argon2Kernel.fastest());
    }

    /**
     * Allocates a hasher for one parameter set, computing with {@code kernel}.
     *
     * @throws IllegalArgumentException as {@link #Argon2id(int, int, int)}, or if this JVM cannot run {@code kernel}
     */
    public Argon2id(int memoryKiB, int iterations, int parallelism, Argon2Kernel kernel) {
        kernel.requireAvailable();
        if (iterations < 1) {
            throw new IllegalArgumentException("Argon2 needs at least one iteration, got " + iterations);
        }
        if (parallelism < 1 || parallelism > 0xFF_FFFF) {
            throw new IllegalArgumentException("Argon2 parallelism must be 1..2^24-1, got " + parallelism);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2 memory must be 8*p.." + MAX_MEMORY_KIB + " KiB, got " + memoryKiB);
        }
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.lanes = parallelism;
        this.segmentLength = memoryKiB / (SYNC_POINTS * parallelism);
        this.laneLength = segmentLength * SYNC_POINTS;
        this.memory = new long[laneLength * lanes * BlaMka.WORDS];
        this.kernel = kernel;
        this.compression = kernel.compression();
        this.scratch = new long[kernel.scratchWords()];
    }

    public int memoryKiB() {
        return memoryKiB;
    }

    public int iterations() {
        return iterations;
    }

    public int parallelism() {
        return lanes;
    }

    public Argon2Kernel kernel() {
        return kernel;
    }

    /** Argon2id of {@code password} and {@code salt} with no secret or associated data. */
    public byte[] hash(byte[] password, byte[] salt, int outputLength) {
        byte[] out = new byte[outputLength];
        hash(password, salt, EMPTY, EMPTY, out);
        return out;
    }

    /**
     * Argon2id with secret {@code secret} (K) and associated data {@code associatedData} (X),
     * filling all of {@code out} (the tag length T is {@code out.length}).
     *
     * @throws IllegalArgumentException if the salt is shorter than 8 bytes or {@code out} shorter than 4
     */
    public void hash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, byte[] out) {
        if (salt.length < 8) {
            throw new IllegalArgumentException("Argon2 salt must be at least 8 bytes, got " + salt.length);
        }
        if (out.length < 4) {
            throw new IllegalArgumentException("Argon2 output must be at least 4 bytes, got " + out.length);
        }
        initialHash(password, salt, secret, associatedData, out.length);
        for (int lane = 0; lane < lanes; lane++) {
            firstBlock(lane, 0);
            firstBlock(lane, 1);
        }
        for (int pass = 0; pass < iterations; pass++) {
            for (int slice = 0; slice < SYNC_POINTS; slice++) {
                for (int lane = 0; lane < lanes; lane++) {
                    fillSegment(pass, lane, slice);
                }
            }
        }
        finalHash(out);
    }

    /**
     * Zeroes every buffer that held values derived from the last password (block memory, H0,
     * addressing and scratch blocks). The instance stays usable.
     */
    public void wipe() {
        Arrays.fill(memory, 0L);
        Arrays.fill(scratch, 0L);
        Arrays.fill(addressing, 0L);
        Arrays.fill(seed, (byte) 0);
        Arrays.fill(blockBytes, (byte) 0);
    }

    /** H0 into {@code seed[0..64)} (RFC 9106 §3.2 step 1). */
    private void initialHash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, int tagLength) {
        variableHash.blake2b().init(H0_BYTES)
                .updateLe32(lanes).updateLe32(tagLength).updateLe32(memoryKiB).updateLe32(iterations)
                .updateLe32(VERSION).updateLe32(TYPE_ID)
                .updateLe32(password.length).update(password)
                .updateLe32(salt.length).update(salt)
                .updateLe32(secret.length).update(secret)
                .updateLe32(associatedData.length).update(associatedData)
                .finish(seed, 0);
    }

    /** {@code B[lane][index] = H'^1024(H0 || LE32(index) || LE32(lane))} for index 0 and 1. */
    private void firstBlock(int lane, int index) {
        INT_LE.set(seed, H0_BYTES, index);
        INT_LE.set(seed, H0_BYTES + 4, lane);
        variableHash.hash(seed, seed.length, blockBytes, 0, BLOCK_BYTES);
        int base = (lane * laneLength + index) * BlaMka.WORDS;
        for (int k = 0; k < BlaMka.WORDS; k++) {
            memory[base + k] = (long) LONG_LE.get(blockBytes, 8 * k);
        }
    }

    private void fillSegment(int pass, int lane, int slice) {
        boolean dataIndependent = pass == 0 && slice < SYNC_POINTS / 2;
        int start = pass == 0 && slice == 0 ? 2 : 0;
        if (dataIndependent) {
            Arrays.fill(addressing, INPUT_BLOCK, ADDRESS_BLOCK, 0L);
            long[] input = addressing;
            input[INPUT_BLOCK] = pass;
            input[INPUT_BLOCK + 1] = lane;
            input[INPUT_BLOCK + 2] = slice;
            input[INPUT_BLOCK + 3] = (long) laneLength * lanes;
            input[INPUT_BLOCK + 4] = iterations;
            input[INPUT_BLOCK + 5] = TYPE_ID;
            if (start != 0) {
                nextAddresses();
            }
        }
        int laneStart = lane * laneLength;
        int current = laneStart + slice * segmentLength + start;
        for (int i = start; i < segmentLength; i++, current++) {
            int previous = current == laneStart ? laneStart + laneLength - 1 : current - 1;
            long pseudoRandom;
            if (dataIndependent) {
                if ((i & (BlaMka.WORDS - 1)) == 0) {
                    nextAddresses();
                }
                pseudoRandom = addressing[ADDRESS_BLOCK + (i & (BlaMka.WORDS - 1))];
            } else {
                pseudoRandom = memory[previous * BlaMka.WORDS];
            }
            int refLane = pass == 0 && slice == 0 ? lane : (int) ((pseudoRandom >>> 32) % lanes);
            int refIndex = referenceIndex(pass, slice, i, pseudoRandom, refLane == lane);
            compression.compress(memory, previous * BlaMka.WORDS, (refLane * laneLength + refIndex) * BlaMka.WORDS,
                    current * BlaMka.WORDS, pass > 0, scratch);
        }
    }

    /** The next 128 pseudo-random words for data-independent addressing: {@code G(0, G(0, Z))}. */
    private void nextAddresses() {
        addressing[INPUT_BLOCK + 6]++;
        compression.compress(addressing, ZERO_BLOCK, INPUT_BLOCK, ADDRESS_BLOCK, false, scratch);
        compression.compress(addressing, ZERO_BLOCK, ADDRESS_BLOCK, ADDRESS_BLOCK, false, scratch);
    }

    /** The reference block's index within its lane (RFC 9106 §3.4.1.2). */
    private int referenceIndex(int pass, int slice, int index, long pseudoRandom, boolean sameLane) {
        long areaSize;
        if (pass == 0) {
            if (slice == 0) {
                areaSize = index - 1;
            } else if (sameLane) {
                areaSize = (long) slice * segmentLength + index - 1;
            } else {
                areaSize = (long) slice * segmentLength + (index == 0 ? -1 : 0);
            }
        } else if (sameLane) {
            areaSize = laneLength - segmentLength + index - 1;
        } else {
            areaSize = laneLength - segmentLength + (index == 0 ? -1 : 0);
        }
        long j1 = pseudoRandom & 0xFFFF_FFFFL;
        long x = (j1 * j1) >>> 32;
        long relative = areaSize - 1 - ((areaSize * x) >>> 32);
        long startPosition = pass != 0 && slice != SYNC_POINTS - 1 ? (long) (slice + 1) * segmentLength : 0;
        return (int) ((startPosition + relative) % laneLength);
    }

    /** {@code H'^T} of the XOR of every lane's last block. */
    private void finalHash(byte[] out) {
        int last = (laneLength - 1) * BlaMka.WORDS;
        System.arraycopy(memory, last, scratch, 0, BlaMka.WORDS);
        for (int lane = 1; lane < lanes; lane++) {
            int base = lane * laneLength * BlaMka.WORDS + last;
            for (int k = 0; k < BlaMka.WORDS; k++) {
                scratch[k] ^= memory[base + k];
            }
        }
        for (int k = 0; k < BlaMka.WORDS; k++) {
            LONG_LE.set(blockBytes, 8 * k, scratch[k]);
        }
        variableHash.hash(blockBytes, BLOCK_BYTES, out, 0, out.length);
    }
}
