package io.numicoin.wallet.signer;

/** An external signer failed, timed out, or answered something the wallet does not accept; the message says which. */
public final class SignerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public SignerException(String code, String message) {
        super(message);
        this.code = code;
    }

    public SignerException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The protocol's error code ({@link SignerProtocol}), the signer's own or the wallet's. */
    public String code() {
        return code;
    }
}
