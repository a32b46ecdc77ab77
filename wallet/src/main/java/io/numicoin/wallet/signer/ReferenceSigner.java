package io.numicoin.wallet.signer;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.wallet.keystore.KdfParams;
import io.numicoin.wallet.keystore.KeyKind;
import io.numicoin.wallet.keystore.Keystore;
import io.numicoin.wallet.keystore.KeystoreException;
import io.numicoin.wallet.keystore.KeystoreHeader;
import io.numicoin.wallet.keystore.UnlockedKey;
import io.numicoin.wallet.passphrase.PassphraseException;
import io.numicoin.wallet.passphrase.PassphraseSource;
import io.numicoin.wallet.recovery.KeyRecovery;
import io.numicoin.wallet.transfer.PartialTransfer;
import io.numicoin.wallet.transfer.PartialTransferException;
import io.numicoin.wallet.transfer.PartialTransferSigner;
import io.numicoin.wallet.transfer.TransferDescription;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The reference software signer of {@code numi-signer/1} (docs/signer-protocol.md), what a
 * hardware or offline signer does, in software: one ML-DSA-65 key in a keystore of its own
 * ({@code init} makes it), {@code keys} answers its public key, {@code sign} shows what it signs on
 * standard error, unlocks the key, signs the transfer if its key is in the policy and the network
 * is the one it was started for, and answers the signed transfer. The key never leaves this process.
 */
public final class ReferenceSigner {

    private final Path keystore;
    private final PassphraseSource passphrase;
    private final NetworkParams network;
    private final PrintStream log;

    /**
     * @param log where people read what is signed (standard error: standard output is the protocol's)
     */
    public ReferenceSigner(Path keystore, PassphraseSource passphrase, Network network, PrintStream log) {
        this.keystore = keystore;
        this.passphrase = passphrase;
        this.network = NetworkParams.of(network);
        this.log = log;
    }

    /** Makes the signer's key: a new keystore (never replacing one); returns its 24 recovery words. */
    public List<String> init(KdfParams kdf) throws KeystoreException, PassphraseException {
        char[] secret = passphrase.read();
        byte[] seed = new byte[MlDsaPrivateKey.SIZE];
        try {
            new SecureRandom().nextBytes(seed);
            new Keystore(new SecureRandom()).create(keystore, KeyKind.ML_DSA_65_SEED, seed, secret, kdf);
            return KeyRecovery.mnemonic(new MlDsaPrivateKey(Bytes.of(seed)));
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(secret, '\0');
        }
    }

    public MlDsaPublicKey publicKey() throws KeystoreException {
        KeystoreHeader header = Keystore.inspect(keystore);
        if (header.kind() != KeyKind.ML_DSA_65_SEED) {
            throw new IllegalStateException(keystore + " holds a " + header.kind().id() + " key, not a wallet key");
        }
        return new MlDsaPublicKey(header.publicKey());
    }

    /** Answers a {@code keys} request. */
    public byte[] keys(byte[] request) throws SignerException {
        SignerProtocol.parse(request, "the request");
        try {
            return SignerProtocol.keysAnswer(List.of(publicKey()));
        } catch (KeystoreException e) {
            throw new SignerException(SignerProtocol.LOCKED, "the signer's keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    /** Answers a {@code sign} request. */
    public byte[] sign(byte[] request) throws SignerException {
        JsonNode message = SignerProtocol.parse(request, "the request");
        String requested = message.path("network").asString("");
        PartialTransfer transfer = SignerProtocol.partialTransfer(message, "the request");
        if (!requested.equals(network.network().id()) || transfer.transaction().chainId() != network.chainId()) {
            throw new SignerException(SignerProtocol.WRONG_NETWORK, "this signer signs for " + network.network().id()
                    + " only; the request is for '" + requested + String.format("' (chain id 0x%08x)", transfer.transaction().chainId()));
        }
        try {
            if (!transfer.policy().keys().contains(publicKey())) {
                throw new SignerException(SignerProtocol.KEY_NOT_IN_POLICY, "this signer's key is not in the transfer's policy");
            }
            log.println("numi reference signer: signing");
            TransferDescription.lines(transfer).forEach(line -> log.println("  " + line));
        } catch (KeystoreException e) {
            throw new SignerException(SignerProtocol.LOCKED, "the signer's keystore " + keystore + ": " + e.getMessage(), e);
        } catch (PartialTransferException e) {
            throw new SignerException(SignerProtocol.BAD_REQUEST, e.getMessage(), e);
        }
        char[] secret;
        try {
            secret = passphrase.read();
        } catch (PassphraseException e) {
            throw new SignerException(SignerProtocol.LOCKED, "no passphrase for the signer's key: " + e.getMessage(), e);
        }
        try (UnlockedKey key = Keystore.unlock(keystore, secret)) {
            PartialTransferSigner.Signed signed = new PartialTransferSigner().sign(transfer, key.mlDsaPrivateKey());
            log.println(signed.alreadySigned() ? "  key " + signed.keyIndex() + " had signed already"
                    : "  signed with key " + signed.keyIndex());
            return SignerProtocol.signAnswer(signed.transfer());
        } catch (KeystoreException e) {
            throw new SignerException(SignerProtocol.LOCKED, "cannot unlock the signer's key " + keystore + ": " + e.getMessage(), e);
        } catch (PartialTransferException e) {
            throw new SignerException(SignerProtocol.KEY_NOT_IN_POLICY, e.getMessage());
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
