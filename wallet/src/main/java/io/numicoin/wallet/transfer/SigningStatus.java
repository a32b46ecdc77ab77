package io.numicoin.wallet.transfer;

import java.util.List;

/**
 * How far a partial transfer is: the policy's threshold, the key indexes that have signed and
 * those that have not.
 */
public record SigningStatus(int threshold, List<Integer> signed, List<Integer> unsigned) {

    public SigningStatus {
        signed = List.copyOf(signed);
        unsigned = List.copyOf(unsigned);
    }

    /** How many more signatures the transfer needs (0 when complete). */
    public int missing() {
        return Math.max(0, threshold - signed.size());
    }

    public boolean isComplete() {
        return missing() == 0;
    }
}
