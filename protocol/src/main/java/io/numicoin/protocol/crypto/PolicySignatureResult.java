package io.numicoin.protocol.crypto;

import java.util.Objects;

/**
 * What {@link PolicySignatureRule} found, and for a failure about one signature its position in
 * the signature list ({@code -1} when the result is not about one signature).
 */
public record PolicySignatureResult(PolicySignatureCheck check, int signatureIndex) {

    public static final PolicySignatureResult VALID = new PolicySignatureResult(PolicySignatureCheck.VALID, -1);

    public PolicySignatureResult {
        Objects.requireNonNull(check, "check");
        if (signatureIndex < -1) {
            throw new IllegalArgumentException("signature index " + signatureIndex + " is below -1");
        }
    }

    static PolicySignatureResult failure(PolicySignatureCheck check, int signatureIndex) {
        return new PolicySignatureResult(check, signatureIndex);
    }

    public boolean isValid() {
        return check == PolicySignatureCheck.VALID;
    }
}
