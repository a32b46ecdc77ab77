package io.numicoin.p2p.security.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.p2p.identity.NodeIdentity;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NoiseXxHandshakeTest {

    private final NodeIdentity alice = NodeIdentity.generate();
    private final NodeIdentity bob = NodeIdentity.generate();

    @Test
    void completesAndAuthenticatesBothSides() throws Exception {
        NoiseXxHandshake initiator = new NoiseXxHandshake(true, alice);
        NoiseXxHandshake responder = new NoiseXxHandshake(false, bob);
        byte[] m1 = initiator.writeMessage1();
        assertThat(m1).hasSize(32); // e, empty payload
        responder.readMessage1(m1);
        initiator.readMessage2(responder.writeMessage2());
        responder.readMessage3(initiator.writeMessage3());

        assertThat(initiator.remoteIdentity().peerId()).isEqualTo(bob.peerId());
        assertThat(responder.remoteIdentity().peerId()).isEqualTo(alice.peerId());

        CipherState[] i = initiator.split();
        CipherState[] r = responder.split();
        for (int n = 0; n < 3; n++) {
            byte[] hello = ("hello " + n).getBytes(StandardCharsets.US_ASCII);
            assertThat(r[1].decrypt(new byte[0], i[0].encrypt(new byte[0], hello))).isEqualTo(hello);
            assertThat(i[1].decrypt(new byte[0], r[0].encrypt(new byte[0], hello))).isEqualTo(hello);
        }
    }

    @Test
    void refusesATamperedSecondMessage() throws Exception {
        NoiseXxHandshake initiator = new NoiseXxHandshake(true, alice);
        NoiseXxHandshake responder = new NoiseXxHandshake(false, bob);
        responder.readMessage1(initiator.writeMessage1());
        byte[] m2 = responder.writeMessage2();
        m2[40] ^= 1; // inside the encrypted static key
        assertThatThrownBy(() -> initiator.readMessage2(m2)).isInstanceOf(NoiseException.class).hasMessageContaining("tag");
    }

    @Test
    void refusesAPayloadSignedForAnotherStaticKey() throws Exception {
        // A payload is bound to the static key it signs: bob's payload carrying a signature by a
        // different identity does not verify.
        NodeIdentity mallory = NodeIdentity.generate();
        NoiseHandshakePayload forged = new NoiseHandshakePayload(bob.publicKey().encode(),
                mallory.sign("noise-libp2p-static-key:anything".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> forged.verify(new byte[32])).isInstanceOf(NoiseException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void refusesShortAndLowOrderMessages() throws Exception {
        NoiseXxHandshake responder = new NoiseXxHandshake(false, bob);
        assertThatThrownBy(() -> responder.readMessage1(new byte[31])).isInstanceOf(NoiseException.class);
        NoiseXxHandshake responder2 = new NoiseXxHandshake(false, bob);
        responder2.readMessage1(new byte[32]); // the all-zero point: agreement must fail
        assertThatThrownBy(responder2::writeMessage2).isInstanceOf(NoiseException.class);
        NoiseXxHandshake initiator = new NoiseXxHandshake(true, alice);
        initiator.writeMessage1();
        assertThatThrownBy(() -> initiator.readMessage2(new byte[50])).isInstanceOf(NoiseException.class);
    }

    @Test
    void payloadRoundTripsAndIgnoresExtensions() throws Exception {
        NoiseHandshakePayload p = new NoiseHandshakePayload(alice.publicKey().encode(), new byte[64]);
        byte[] withExtensions = Arrays.copyOf(p.encode(), p.encode().length + 4);
        System.arraycopy(new byte[] {0x22, 0x02, 0x12, 0x00}, 0, withExtensions, p.encode().length, 4);
        assertThat(NoiseHandshakePayload.decode(withExtensions)).isEqualTo(p);
    }

    @Test
    void transportRejectsReplayedOrForgedCiphertext() throws Exception {
        CipherState a = new CipherState(new byte[32]);
        CipherState b = new CipherState(new byte[32]);
        byte[] c0 = a.encrypt(new byte[0], new byte[] {1});
        assertThat(b.decrypt(new byte[0], c0)).containsExactly(1);
        assertThatThrownBy(() -> b.decrypt(new byte[0], c0)).isInstanceOf(NoiseException.class); // nonce moved on
        assertThatThrownBy(() -> b.decrypt(new byte[0], new byte[5])).isInstanceOf(NoiseException.class);
    }
}
