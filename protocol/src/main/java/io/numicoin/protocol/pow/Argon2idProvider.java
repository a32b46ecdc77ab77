package io.numicoin.protocol.pow;

/**
 * Where the Argon2id step of the proof of work comes from. The protocol ships {@link #JAVA} (its own
 * pure-Java {@link Argon2id}); a service may pass another (Debian's libargon2 through the foreign
 * function API lives in service-support) as long as it gives the same tags: the protocol stays pure
 * and the services pick.
 */
public interface Argon2idProvider {

    /** Argon2id with one fixed cost, its memory owned by the instance: one per thread. */
    interface Function {

        /** Fills {@code out} with Argon2id(password, salt), no secret and no associated data. */
        void hash(byte[] password, byte[] salt, byte[] out);
    }

    /** The protocol's pure-Java Argon2id with the fastest kernel this JVM runs ({@link Argon2Kernel#fastest()}). */
    Argon2idProvider JAVA = java(Argon2Kernel.fastest());

    /**
     * The protocol's pure-Java Argon2id computing with {@code kernel}, named {@code java}.
     *
     * @throws IllegalArgumentException if this JVM cannot run {@code kernel}
     */
    static Argon2idProvider java(Argon2Kernel kernel) {
        kernel.requireAvailable();
        return new Argon2idProvider() {
            @Override
            public String name() {
                return "java";
            }

            @Override
            public Function create(PowParams params) {
                Argon2id argon2 = new Argon2id(params.memoryKiB(), params.iterations(), params.parallelism(), kernel);
                byte[] none = new byte[0];
                return (password, salt, out) -> argon2.hash(password, salt, none, none, out);
            }

            @Override
            public String toString() {
                return "java (" + kernel + ")";
            }
        };
    }

    /** A short name for logs and metrics ({@code java}, {@code native}). */
    String name();

    /** A new function with the cost of {@code params}, for one thread. */
    Function create(PowParams params);
}
