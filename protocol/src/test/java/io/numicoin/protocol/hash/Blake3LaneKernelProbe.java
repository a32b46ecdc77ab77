package io.numicoin.protocol.hash;

import java.util.List;

/** Prints how {@link Blake3#hashEach} compresses chunks in this JVM, and one batch's first hash, for {@link Blake3LaneKernelSelectionTest}. */
public final class Blake3LaneKernelProbe {

    private Blake3LaneKernelProbe() {
    }

    public static void main(String[] args) {
        byte[] input = new byte[5 * 1024 + 7];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) i;
        }
        List<Hash256> hashes = Blake3.hashEach(HashDomain.MERKLE_LEAF, List.of(input, input, input, input));
        System.out.println(Blake3.laneKernel() + "|" + hashes.getFirst().equals(Blake3.hash(HashDomain.MERKLE_LEAF, input)));
    }
}
