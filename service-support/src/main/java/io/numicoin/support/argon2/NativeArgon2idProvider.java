package io.numicoin.support.argon2;

import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.pow.Argon2idProvider;
import io.numicoin.protocol.pow.PowParams;
import io.numicoin.protocol.pow.header.ProofOfWork;

/**
 * The proof of work's Argon2id step done by libargon2 ({@link NativeArgon2}): inputs of at most a
 * header's 128 bytes, a 16-byte salt and a 32-byte tag, as {@link ProofOfWork} uses it. Each
 * function has its own native buffers (one per thread); libargon2 allocates the Argon2 memory itself.
 */
public final class NativeArgon2idProvider implements Argon2idProvider {

    private final NativeArgon2 library;

    public NativeArgon2idProvider(NativeArgon2 library) {
        this.library = library;
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public Function create(PowParams params) {
        NativeArgon2.Hasher hasher = library.hasher(params.memoryKiB(), params.iterations(), params.parallelism(),
                BlockHeaderCodec.SIZE, ProofOfWork.SALT_BYTES, ProofOfWork.ARGON2_OUTPUT_BYTES);
        return (password, salt, out) -> {
            if (password.length > BlockHeaderCodec.SIZE || salt.length > ProofOfWork.SALT_BYTES
                    || out.length != ProofOfWork.ARGON2_OUTPUT_BYTES) {
                throw new IllegalArgumentException("native Argon2id takes at most " + BlockHeaderCodec.SIZE + " password and "
                        + ProofOfWork.SALT_BYTES + " salt bytes into a " + ProofOfWork.ARGON2_OUTPUT_BYTES + "-byte tag; got "
                        + password.length + ", " + salt.length + ", " + out.length);
            }
            hasher.hash(password, salt, out);
        };
    }
}
