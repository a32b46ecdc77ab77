package io.numicoin.protocol.crypto.mldsa;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * SHAKE128 and SHAKE256 (FIPS 202): absorb any number of byte ranges, then squeeze output of any
 * length, in as many calls as wanted. ML-DSA's G and H. Not thread-safe: one instance per use.
 */
final class Shake {

    /** SHAKE128's rate: the bytes one permutation absorbs or squeezes. */
    static final int RATE_128 = 168;
    /** SHAKE256's rate. */
    static final int RATE_256 = 136;

    private static final VarHandle LITTLE_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long[] state = new long[25];
    private final int rate;
    private int position;        // bytes absorbed into, or squeezed from, the current block
    private boolean squeezing;

    private Shake(int rate) {
        this.rate = rate;
    }

    static Shake shake128() {
        return new Shake(RATE_128);
    }

    static Shake shake256() {
        return new Shake(RATE_256);
    }

    /** Absorbs {@code length} bytes of {@code bytes} from {@code offset}. */
    Shake absorb(byte[] bytes, int offset, int length) {
        if (squeezing) {
            throw new IllegalStateException("SHAKE already squeezing");
        }
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (position == 0) {
                while (end - i >= rate) {  // whole blocks, a lane at a time
                    for (int lane = 0; lane < rate / 8; lane++) {
                        state[lane] ^= (long) LITTLE_ENDIAN_LONG.get(bytes, i + 8 * lane);
                    }
                    KeccakF1600.permute(state);
                    i += rate;
                }
                if (i == end) {
                    break;
                }
            }
            state[position >>> 3] ^= (long) (bytes[i] & 0xff) << (8 * (position & 7));
            i++;
            if (++position == rate) {
                KeccakF1600.permute(state);
                position = 0;
            }
        }
        return this;
    }

    Shake absorb(byte[] bytes) {
        return absorb(bytes, 0, bytes.length);
    }

    /** Squeezes the next {@code length} output bytes into {@code out} from {@code offset}. */
    void squeeze(byte[] out, int offset, int length) {
        if (!squeezing) {
            pad();
        }
        int i = 0;
        while (i < length) {
            if (position == rate) {
                KeccakF1600.permute(state);
                position = 0;
            }
            if ((position & 7) == 0) {  // whole lanes while they fit
                int lanes = Math.min(rate - position, length - i) >>> 3;
                for (int lane = 0; lane < lanes; lane++) {
                    LITTLE_ENDIAN_LONG.set(out, offset + i, state[position >>> 3]);
                    i += 8;
                    position += 8;
                }
                if (i == length || position == rate) {
                    continue;
                }
            }
            out[offset + i] = (byte) (state[position >>> 3] >>> (8 * (position & 7)));
            i++;
            position++;
        }
    }

    /** The next {@code length} output bytes. */
    byte[] squeeze(int length) {
        byte[] out = new byte[length];
        squeeze(out, 0, length);
        return out;
    }

    /** Starts over: the empty input, absorbing. */
    void reset() {
        Arrays.fill(state, 0L);
        position = 0;
        squeezing = false;
    }

    /** SHAKE's padding: the domain bits 1111 then pad10*1, and the first permutation of the squeeze. */
    private void pad() {
        state[position >>> 3] ^= 0x1FL << (8 * (position & 7));
        state[(rate - 1) >>> 3] ^= 0x80L << (8 * ((rate - 1) & 7));
        KeccakF1600.permute(state);
        position = 0;
        squeezing = true;
    }
}
