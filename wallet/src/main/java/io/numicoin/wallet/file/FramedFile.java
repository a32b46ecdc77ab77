package io.numicoin.wallet.file;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The frame every versioned wallet file has (docs/partial-transfer.md): magic (8 bytes), version
 * (u16), file length (u32, the checksum included), the body, and the SHA-256 of every byte before
 * the checksum. The checksum is not security (signatures are): it tells a damaged or cut file from
 * a wrong one before anything in the body is trusted. Decoding checks, in order, magic, version,
 * length and checksum, so a future version is named as such and a cut file as cut.
 */
public final class FramedFile {

    /** Magic, version, file length. */
    public static final int HEADER_SIZE = 8 + 2 + 4;
    public static final int CHECKSUM_SIZE = 32;

    private final byte[] magic;
    private final int version;
    private final String name;
    private final int maxBytes;

    /**
     * @param magic 8 ASCII bytes naming the format
     * @param name the format's name for messages ("partially signed transfer")
     * @param maxBytes the largest file of this format; larger ones are refused unread
     */
    public FramedFile(byte[] magic, int version, String name, int maxBytes) {
        if (magic.length != 8) {
            throw new IllegalArgumentException("a magic has 8 bytes");
        }
        this.magic = magic.clone();
        this.version = version;
        this.name = name;
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    public String name() {
        return name;
    }

    /** Whether {@code prefix} (a file's first bytes) starts with this format's magic. */
    public boolean hasMagic(byte[] prefix) {
        return prefix.length >= magic.length && Arrays.equals(prefix, 0, magic.length, magic, 0, magic.length);
    }

    public byte[] encode(byte[] body) {
        int length = HEADER_SIZE + body.length + CHECKSUM_SIZE;
        if (length > maxBytes) {
            throw new IllegalArgumentException("a " + name + " has at most " + maxBytes + " bytes, this one " + length);
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        out.put(magic).putShort((short) version).putInt(length).put(body);
        out.put(sha256(out.array(), length - CHECKSUM_SIZE));
        return out.array();
    }

    /** The body of a whole file, after its frame is checked. */
    public byte[] decode(byte[] file) throws FileFormatException {
        if (file.length == 0) {
            throw new FileFormatException(FileFormatFailure.NOT_THIS_FORMAT, "an empty file, not a " + name);
        }
        int prefix = Math.min(file.length, magic.length);
        if (!Arrays.equals(file, 0, prefix, magic, 0, prefix)) {
            throw new FileFormatException(FileFormatFailure.NOT_THIS_FORMAT, "not a " + name + " (its first bytes are not "
                    + new String(magic, 0, 7, java.nio.charset.StandardCharsets.US_ASCII) + ")");
        }
        if (file.length < 10) {
            throw truncated(file.length, 10);
        }
        int fileVersion = ((file[8] & 0xff) << 8) | (file[9] & 0xff);
        if (fileVersion != version) {
            throw new FileFormatException(FileFormatFailure.UNSUPPORTED_VERSION,
                    "a " + name + " of version " + fileVersion + "; this program reads version " + version);
        }
        if (file.length < HEADER_SIZE) {
            throw truncated(file.length, HEADER_SIZE);
        }
        long declared = ByteBuffer.wrap(file, 10, 4).getInt() & 0xffffffffL;
        if (declared > maxBytes) {
            throw new FileFormatException(FileFormatFailure.TOO_LARGE,
                    "the " + name + " declares " + declared + " bytes; at most " + maxBytes);
        }
        if (declared < HEADER_SIZE + CHECKSUM_SIZE) {
            throw new FileFormatException(FileFormatFailure.CORRUPTED,
                    "the " + name + " declares " + declared + " bytes, less than its frame");
        }
        if (file.length < declared) {
            throw truncated(file.length, declared);
        }
        if (file.length > declared) {
            throw new FileFormatException(FileFormatFailure.CORRUPTED,
                    (file.length - declared) + " bytes follow the end of the " + name + " (" + declared + " bytes)");
        }
        int end = (int) declared - CHECKSUM_SIZE;
        if (!MessageDigest.isEqual(sha256(file, end), Arrays.copyOfRange(file, end, (int) declared))) {
            throw new FileFormatException(FileFormatFailure.CORRUPTED,
                    "the " + name + "'s checksum does not match: the file was damaged or edited");
        }
        return Arrays.copyOfRange(file, HEADER_SIZE, end);
    }

    private FileFormatException truncated(long have, long need) {
        return new FileFormatException(FileFormatFailure.TRUNCATED,
                "the " + name + " is cut short: " + have + " bytes, " + need + " expected");
    }

    private static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
