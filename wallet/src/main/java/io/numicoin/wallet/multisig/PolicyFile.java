package io.numicoin.wallet.multisig;

import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.wallet.file.FileFormatException;
import io.numicoin.wallet.file.FileFormatFailure;
import io.numicoin.wallet.file.FramedFile;
import io.numicoin.wallet.file.WalletFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A spending policy in a file of its own ({@code NAME.numipolicy}, docs/partial-transfer.md): the
 * frame ({@code NUMIPOL\0}, version 1) around the policy's consensus encoding (threshold u8, key
 * count u8, the keys). Public data: it holds no secret.
 */
public final class PolicyFile {

    public static final String SUFFIX = ".numipolicy";
    /** 16 keys of 1,952 bytes and the frame fit in 32 KiB. */
    public static final int MAX_BYTES = 32 * 1024;
    public static final FramedFile FORMAT = new FramedFile("NUMIPOL\0".getBytes(StandardCharsets.US_ASCII), 1,
            "spending policy file", MAX_BYTES);

    private PolicyFile() {
    }

    public static byte[] encode(SpendingPolicy policy) {
        return FORMAT.encode(SpendingPolicyCodec.encode(policy));
    }

    public static SpendingPolicy decode(byte[] file) throws FileFormatException {
        byte[] body = FORMAT.decode(file);
        try {
            return SpendingPolicyCodec.decode(body);
        } catch (DecodeException e) {
            throw new FileFormatException(FileFormatFailure.MALFORMED, "the spending policy file holds no valid policy: "
                    + e.getMessage(), e);
        }
    }

    public static SpendingPolicy read(Path path) throws FileFormatException {
        try {
            return decode(WalletFiles.read(path, FORMAT));
        } catch (FileFormatException e) {
            throw new FileFormatException(e.reason(), path + ": " + e.getMessage(), e);
        }
    }

    /** Writes a new policy file; never replaces one. */
    public static void create(Path path, SpendingPolicy policy) throws FileFormatException {
        WalletFiles.write(path, encode(policy), false);
    }
}
