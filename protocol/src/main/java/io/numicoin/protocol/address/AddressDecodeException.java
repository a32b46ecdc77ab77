package io.numicoin.protocol.address;

import java.util.Objects;

/**
 * The one exception {@link Bech32m} and {@link AddressFormat} throw for a malformed string, with
 * the reason as an enum. Checked, so callers that parse user input cannot forget it.
 */
public final class AddressDecodeException extends Exception {

    private final AddressDecodeError error;

    public AddressDecodeException(AddressDecodeError error, String detail) {
        super(Objects.requireNonNull(error, "error") + ": " + detail);
        this.error = error;
    }

    public AddressDecodeError error() {
        return error;
    }
}
