package io.numicoin.protocol.pow;

import java.lang.management.ManagementFactory;

/**
 * Prints the bytes this thread allocates per Argon2id hash (mainnet cost, the vector kernel) once C2 has
 * compiled the kernel, for {@link Argon2VectorKernelTest}'s child JVMs: about zero when no vector is
 * boxed, megabytes when one is.
 */
public final class Argon2VectorAllocationProbe {

    private static final int WARM_UP = 400;
    private static final int MEASURED = 100;

    private Argon2VectorAllocationProbe() {
    }

    public static void main(String[] args) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Argon2id argon2 = new Argon2id(PowParams.MAINNET.memoryKiB(), PowParams.MAINNET.iterations(),
                PowParams.MAINNET.parallelism(), Argon2Kernel.VECTOR_256);
        byte[] password = new byte[128];
        byte[] none = new byte[0];
        byte[] salt = new byte[16];
        byte[] tag = new byte[32];
        for (int i = 0; i < WARM_UP; i++) {
            password[0] = (byte) i;
            argon2.hash(password, salt, none, none, tag);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < MEASURED; i++) {
            password[1] = (byte) i;
            argon2.hash(password, salt, none, none, tag);
        }
        System.out.println((threads.getCurrentThreadAllocatedBytes() - before) / MEASURED);
    }
}
