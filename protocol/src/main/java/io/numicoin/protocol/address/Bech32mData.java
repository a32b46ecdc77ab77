package io.numicoin.protocol.address;

import io.numicoin.protocol.bytes.Bytes;
import java.util.Objects;

/**
 * A decoded bech32m string: its human-readable part (always lower case) and its data part as
 * 5-bit values (each 0..31), checksum removed.
 */
public record Bech32mData(String hrp, Bytes values) {

    public Bech32mData {
        Objects.requireNonNull(hrp, "hrp");
        Objects.requireNonNull(values, "values");
    }
}
