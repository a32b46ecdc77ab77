package io.numicoin.protocol.address;

import io.numicoin.protocol.bytes.Bytes;
import java.util.Arrays;
import java.util.Locale;

/**
 * Bech32m (BIP-350): a human-readable part, the separator '1', 5-bit data values written in the
 * bech32 alphabet, and a 6-character checksum. Decoding enforces every BIP-173/BIP-350 rule: at
 * most 90 characters, printable US-ASCII only, no mixed case, a non-empty hrp, a data part of at
 * least the checksum's 6 characters, only alphabet characters in it, and the bech32m constant.
 * Also converts between bytes and 5-bit values (with BIP-173's zero-padding rule). Stateless.
 */
public final class Bech32m {

    /** The longest string BIP-173 allows. */
    public static final int MAX_LENGTH = 90;

    /** Characters in the checksum. */
    public static final int CHECKSUM_LENGTH = 6;

    private static final String ALPHABET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32M_CONSTANT = 0x2bc830a3;
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final byte[] ALPHABET_REVERSE = reverseAlphabet();

    private Bech32m() {
    }

    /**
     * Encodes {@code hrp} and 5-bit {@code values} as a lower-case bech32m string.
     *
     * @throws IllegalArgumentException if the hrp is empty, not lower-case printable ASCII, a
     *     value is not within 0..31, or the result would exceed {@link #MAX_LENGTH}
     */
    public static String encode(String hrp, Bytes values) {
        checkHrp(hrp);
        int length = hrp.length() + 1 + values.length() + CHECKSUM_LENGTH;
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("bech32m string would have " + length + " characters, at most " + MAX_LENGTH);
        }
        byte[] data = values.toArray();
        for (byte value : data) {
            if (value < 0 || value > 31) {
                throw new IllegalArgumentException("value " + value + " is not a 5-bit value");
            }
        }
        int checksum = polymod(hrp, data, true) ^ BECH32M_CONSTANT;
        StringBuilder out = new StringBuilder(length).append(hrp).append('1');
        for (byte value : data) {
            out.append(ALPHABET.charAt(value));
        }
        for (int i = 0; i < CHECKSUM_LENGTH; i++) {
            out.append(ALPHABET.charAt((checksum >>> (5 * (CHECKSUM_LENGTH - 1 - i))) & 31));
        }
        return out.toString();
    }

    /** Decodes a bech32m string; the hrp comes back in lower case. */
    public static Bech32mData decode(String text) throws AddressDecodeException {
        if (text.length() > MAX_LENGTH) {
            throw new AddressDecodeException(AddressDecodeError.TOO_LONG, text.length() + " characters, at most " + MAX_LENGTH);
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 33 || c > 126) {
                throw new AddressDecodeException(AddressDecodeError.BAD_CHARACTER, "character " + (int) c + " at " + i + " is not printable US-ASCII");
            }
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        if (lower && upper) {
            throw new AddressDecodeException(AddressDecodeError.MIXED_CASE, "both upper- and lower-case letters");
        }
        String lowered = text.toLowerCase(Locale.ROOT);
        int separator = lowered.lastIndexOf('1');
        if (separator < 0) {
            throw new AddressDecodeException(AddressDecodeError.NO_SEPARATOR, "no '1' separator");
        }
        if (separator == 0) {
            throw new AddressDecodeException(AddressDecodeError.EMPTY_HRP, "nothing before the '1' separator");
        }
        int dataLength = lowered.length() - separator - 1;
        if (dataLength < CHECKSUM_LENGTH) {
            throw new AddressDecodeException(AddressDecodeError.BAD_LENGTH, "data part has " + dataLength + " characters, shorter than the checksum");
        }
        byte[] data = new byte[dataLength];
        for (int i = 0; i < dataLength; i++) {
            char c = lowered.charAt(separator + 1 + i);
            byte value = c < ALPHABET_REVERSE.length ? ALPHABET_REVERSE[c] : -1;
            if (value < 0) {
                throw new AddressDecodeException(AddressDecodeError.BAD_CHARACTER, "'" + c + "' at " + (separator + 1 + i) + " is not a bech32 character");
            }
            data[i] = value;
        }
        String hrp = lowered.substring(0, separator);
        if (polymod(hrp, data, false) != BECH32M_CONSTANT) {
            throw new AddressDecodeException(AddressDecodeError.BAD_CHECKSUM, "bech32m checksum does not match");
        }
        return new Bech32mData(hrp, Bytes.of(data, 0, dataLength - CHECKSUM_LENGTH));
    }

    /** {@code bytes} regrouped into 5-bit values, the last one padded with zero bits. */
    public static Bytes toFiveBit(Bytes bytes) {
        byte[] out = new byte[(bytes.length() * 8 + 4) / 5];
        int accumulator = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < bytes.length(); i++) {
            accumulator = (accumulator << 8) | (bytes.get(i) & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out[index++] = (byte) ((accumulator >>> bits) & 31);
            }
        }
        if (bits > 0) {
            out[index] = (byte) ((accumulator << (5 - bits)) & 31);
        }
        return Bytes.of(out);
    }

    /**
     * 5-bit {@code values} regrouped into bytes. The leftover bits must be fewer than 5 and zero,
     * so every byte string has exactly one encoding.
     */
    public static Bytes fromFiveBit(Bytes values) throws AddressDecodeException {
        byte[] out = new byte[values.length() * 5 / 8];
        int accumulator = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < values.length(); i++) {
            int value = values.get(i);
            if (value < 0 || value > 31) {
                throw new IllegalArgumentException("value " + value + " is not a 5-bit value");
            }
            accumulator = ((accumulator << 5) | value) & 0xfff;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[index++] = (byte) (accumulator >>> bits);
            }
        }
        if (bits >= 5) {
            throw new AddressDecodeException(AddressDecodeError.BAD_LENGTH, values.length() + " values leave a whole value of padding");
        }
        if ((accumulator & ((1 << bits) - 1)) != 0) {
            throw new AddressDecodeException(AddressDecodeError.BAD_PADDING, "padding bits are not zero");
        }
        return Bytes.of(out);
    }

    private static void checkHrp(String hrp) {
        if (hrp.isEmpty() || hrp.length() > MAX_LENGTH - 1 - CHECKSUM_LENGTH) {
            throw new IllegalArgumentException("hrp must have 1.." + (MAX_LENGTH - 1 - CHECKSUM_LENGTH) + " characters");
        }
        for (int i = 0; i < hrp.length(); i++) {
            char c = hrp.charAt(i);
            if (c < 33 || c > 126 || (c >= 'A' && c <= 'Z')) {
                throw new IllegalArgumentException("hrp character " + (int) c + " is not lower-case printable US-ASCII");
            }
        }
    }

    /** BIP-173's checksum polynomial over the expanded hrp, the data and (when creating) six zeros. */
    private static int polymod(String hrp, byte[] data, boolean withZeroChecksum) {
        int checksum = 1;
        for (int i = 0; i < hrp.length(); i++) {
            checksum = step(checksum, hrp.charAt(i) >>> 5);
        }
        checksum = step(checksum, 0);
        for (int i = 0; i < hrp.length(); i++) {
            checksum = step(checksum, hrp.charAt(i) & 31);
        }
        for (byte value : data) {
            checksum = step(checksum, value);
        }
        if (withZeroChecksum) {
            for (int i = 0; i < CHECKSUM_LENGTH; i++) {
                checksum = step(checksum, 0);
            }
        }
        return checksum;
    }

    private static int step(int checksum, int value) {
        int top = checksum >>> 25;
        int next = ((checksum & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < GENERATOR.length; i++) {
            if (((top >>> i) & 1) != 0) {
                next ^= GENERATOR[i];
            }
        }
        return next;
    }

    private static byte[] reverseAlphabet() {
        byte[] reverse = new byte[128];
        Arrays.fill(reverse, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            reverse[ALPHABET.charAt(i)] = (byte) i;
        }
        return reverse;
    }
}
