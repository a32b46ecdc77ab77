package io.numicoin.protocol.pow;

/** Prints the kernel this JVM runs and why not the vector one, for {@link Argon2KernelSelectionTest}'s child JVMs. */
public final class Argon2KernelProbe {

    private Argon2KernelProbe() {
    }

    public static void main(String[] args) {
        System.out.println(Argon2Kernel.fastest() + "|" + Argon2Kernel.VECTOR_256.unavailableReason()
                + "|" + new Argon2id(16, 1, 1).kernel());
    }
}
