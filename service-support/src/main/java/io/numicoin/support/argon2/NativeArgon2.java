package io.numicoin.support.argon2;

import java.util.Optional;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Debian's reference Argon2 library ({@value #LIBRARY}) called through the Java foreign function
 * &amp; memory API: {@code int argon2id_hash_raw(uint32 t, uint32 m, uint32 p, const void *pwd,
 * size_t pwdlen, const void *salt, size_t saltlen, void *hash, size_t hashlen)}.
 *
 * <p>{@link #load()} binds the library once; {@link #hasher} gives a per-thread hasher with its own
 * native buffers (libargon2 allocates the Argon2 memory itself on every call).
 */
public final class NativeArgon2 {

    /** The shared object looked up on the system library path. */
    public static final String LIBRARY = "libargon2.so.1";

    private static final int ARGON2_OK = 0;

    private final MethodHandle hashRaw;
    private final MethodHandle errorMessage;

    private NativeArgon2(MethodHandle hashRaw, MethodHandle errorMessage) {
        this.hashRaw = hashRaw;
        this.errorMessage = errorMessage;
    }

    /** {@link #load()}, or empty where {@value #LIBRARY} is not installed (for callers that fall back to Java). */
    public static Optional<NativeArgon2> loadIfPresent() {
        try {
            return Optional.of(load());
        } catch (NativeArgon2UnavailableException e) {
            return Optional.empty();
        }
    }

    /**
     * Binds {@value #LIBRARY}.
     *
     * @throws NativeArgon2UnavailableException naming the library and how to install it when it
     *     cannot be loaded or lacks {@code argon2id_hash_raw}
     */
    public static NativeArgon2 load() {
        SymbolLookup library;
        try {
            library = SymbolLookup.libraryLookup(LIBRARY, Arena.global());
        } catch (IllegalArgumentException | IllegalCallerException e) {
            throw new NativeArgon2UnavailableException("cannot load " + LIBRARY + " (" + e.getMessage()
                    + "): install Debian's libargon2-1 (apt-get install libargon2-1) or set the service's argon2 setting to java", e);
        }
        Linker linker = Linker.nativeLinker();
        MemorySegment hash = library.find("argon2id_hash_raw").orElseThrow(() -> new NativeArgon2UnavailableException(
                LIBRARY + " has no symbol argon2id_hash_raw: not the reference Argon2 library?", null));
        MemorySegment message = library.find("argon2_error_message").orElseThrow(() -> new NativeArgon2UnavailableException(
                LIBRARY + " has no symbol argon2_error_message: not the reference Argon2 library?", null));
        MethodHandle hashRaw = linker.downcallHandle(hash, FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
        MethodHandle errorMessage = linker.downcallHandle(message,
                FunctionDescriptor.of(ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_BYTE), ValueLayout.JAVA_INT));
        return new NativeArgon2(hashRaw, errorMessage);
    }

    /** A hasher for one thread, with its own native input and output buffers. */
    public Hasher hasher(int memoryKiB, int iterations, int parallelism, int passwordBytes, int saltBytes, int outputBytes) {
        return new Hasher(memoryKiB, iterations, parallelism, passwordBytes, saltBytes, outputBytes);
    }

    /** Argon2id with fixed sizes and cost, reusing its native buffers: not thread-safe. */
    public final class Hasher {

        private final Arena arena = Arena.ofAuto();
        private final int memoryKiB;
        private final int iterations;
        private final int parallelism;
        private final MemorySegment password;
        private final MemorySegment salt;
        private final MemorySegment output;

        private Hasher(int memoryKiB, int iterations, int parallelism, int passwordBytes, int saltBytes, int outputBytes) {
            this.memoryKiB = memoryKiB;
            this.iterations = iterations;
            this.parallelism = parallelism;
            this.password = arena.allocate(passwordBytes);
            this.salt = arena.allocate(saltBytes);
            this.output = arena.allocate(outputBytes);
        }

        /** Fills {@code out} (its length must be the output size) with Argon2id(password, salt). */
        public void hash(byte[] passwordIn, byte[] saltIn, byte[] out) {
            MemorySegment.copy(passwordIn, 0, password, ValueLayout.JAVA_BYTE, 0, passwordIn.length);
            MemorySegment.copy(saltIn, 0, salt, ValueLayout.JAVA_BYTE, 0, saltIn.length);
            int result;
            try {
                result = (int) hashRaw.invokeExact(iterations, memoryKiB, parallelism,
                        password, (long) passwordIn.length, salt, (long) saltIn.length, output, (long) out.length);
            } catch (Throwable e) {
                throw new IllegalStateException("argon2id_hash_raw failed to run", e);
            }
            if (result != ARGON2_OK) {
                throw new IllegalStateException("argon2id_hash_raw returned " + result + ": " + message(result));
            }
            MemorySegment.copy(output, ValueLayout.JAVA_BYTE, 0, out, 0, out.length);
        }
    }

    private String message(int code) {
        try {
            MemorySegment text = (MemorySegment) errorMessage.invokeExact(code);
            return text.reinterpret(256).getString(0);
        } catch (Throwable e) {
            return "(no message)";
        }
    }
}
