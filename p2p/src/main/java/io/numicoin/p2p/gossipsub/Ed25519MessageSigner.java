package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.peer.PeerId;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Arrays;

/** A {@link MessageSigner} over a JCA Ed25519 key pair (the libp2p identity key). */
public final class Ed25519MessageSigner implements MessageSigner {

    private final KeyPair keyPair;
    private final PeerId author;

    public Ed25519MessageSigner(KeyPair keyPair) {
        if (!"Ed25519".equals(keyPair.getPublic().getAlgorithm()) && !"EdDSA".equals(keyPair.getPublic().getAlgorithm())) {
            throw new IllegalArgumentException("not an Ed25519 key pair: " + keyPair.getPublic().getAlgorithm());
        }
        this.keyPair = keyPair;
        byte[] x509 = keyPair.getPublic().getEncoded();
        this.author = PeerId.fromEd25519PublicKey(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
    }

    @Override
    public PeerId author() {
        return author;
    }

    @Override
    public byte[] sign(byte[] payload) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keyPair.getPrivate());
            signature.update(payload);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
