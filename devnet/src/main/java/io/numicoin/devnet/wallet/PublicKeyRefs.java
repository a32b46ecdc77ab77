package io.numicoin.devnet.wallet;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.wallet.keystore.KeyKind;
import io.numicoin.wallet.keystore.KeystoreHeader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The public keys a multisig policy is made of, named the way cosigners exchange them: a key name
 * in the wallet directory, a keystore file, or a public key file (one line of 3,904 hex digits, what
 * {@code ./numi wallet public-key} writes). Reads no passphrase: public keys only.
 */
public final class PublicKeyRefs {

    private static final int MAX_FILE = 16 * 1024;

    private PublicKeyRefs() {
    }

    public static MlDsaPublicKey resolve(WalletKeys keys, String ref) throws IOException, WalletKeyException {
        boolean pathLike = ref.contains("/") || ref.contains(".") || ref.contains("\\");
        if (!pathLike) {
            WalletKeys.Entry entry = keys.inspect(ref);
            return publicKey(WalletKeys.header(ref, entry.file()), ref);
        }
        Path file = Path.of(ref);
        if (!Files.isRegularFile(file)) {
            throw new WalletKeyException("no public key file or keystore at " + file);
        }
        if (WalletKeys.isKeystore(file)) {
            return publicKey(WalletKeys.header(ref, file), ref);
        }
        return readFile(file);
    }

    /** The text of a public key file: the key's hex and a newline. */
    public static String text(MlDsaPublicKey key) {
        return key.bytes().toHex() + "\n";
    }

    private static MlDsaPublicKey readFile(Path file) throws IOException, WalletKeyException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE + 1);
        }
        String hex = new String(bytes, StandardCharsets.US_ASCII).strip();
        if (bytes.length > MAX_FILE || hex.length() != 2 * MlDsaPublicKey.SIZE
                || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new WalletKeyException(file + " is not a public key file (one line of " + 2 * MlDsaPublicKey.SIZE
                    + " hex digits, as ./numi wallet public-key writes) nor a keystore");
        }
        return new MlDsaPublicKey(Bytes.of(HexFormat.of().parseHex(hex)));
    }

    private static MlDsaPublicKey publicKey(KeystoreHeader header, String ref) throws WalletKeyException {
        if (header.kind() != KeyKind.ML_DSA_65_SEED) {
            throw new WalletKeyException("'" + ref + "' holds a " + header.kind().id() + " key, not a wallet key");
        }
        return new MlDsaPublicKey(header.publicKey());
    }
}
