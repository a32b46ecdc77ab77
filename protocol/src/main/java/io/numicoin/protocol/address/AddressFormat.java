package io.numicoin.protocol.address;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;

/**
 * The human-readable form of an {@link Address}: bech32m with the network's {@link AddressHrp}
 * and, as data, the 32-byte policy hash in 52 five-bit groups (no witness version). Encoding is
 * lower case; decoding also accepts the all-upper-case form (for QR codes) and rejects anything
 * else with an {@link AddressDecodeError}. Stateless.
 */
public final class AddressFormat {

    /** 5-bit values that hold a 256-bit hash: ceil(256 / 5). */
    public static final int DATA_VALUES = (Hash256.SIZE * 8 + 4) / 5;

    private AddressFormat() {
    }

    public static String encode(Address address, AddressHrp hrp) {
        return Bech32m.encode(hrp.prefix(), Bech32m.toFiveBit(address.policyHash().bytes()));
    }

    /**
     * Decodes {@code text}, which must be an address for {@code expected}'s network.
     *
     * @throws AddressDecodeException with {@link AddressDecodeError#WRONG_HRP} for a well-formed
     *     string of another network, or the reason {@code text} is malformed
     */
    public static Address decode(String text, AddressHrp expected) throws AddressDecodeException {
        Bech32mData data = Bech32m.decode(text);
        if (!data.hrp().equals(expected.prefix())) {
            throw new AddressDecodeException(AddressDecodeError.WRONG_HRP,
                    "prefix '" + data.hrp() + "' is not '" + expected.prefix() + "' of " + expected);
        }
        if (data.values().length() != DATA_VALUES) {
            throw new AddressDecodeException(AddressDecodeError.BAD_LENGTH,
                    "data part holds " + data.values().length() + " values, an address has " + DATA_VALUES);
        }
        Bytes hash = Bech32m.fromFiveBit(data.values());
        return new Address(new Hash256(hash));
    }
}
