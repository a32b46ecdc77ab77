package io.numicoin.p2p.testing;

import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.multistream.MultistreamMessages;
import io.numicoin.p2p.protobuf.ProtobufException;
import io.numicoin.p2p.security.noise.CipherState;
import io.numicoin.p2p.security.noise.NoiseException;
import io.numicoin.p2p.security.noise.NoiseXxHandshake;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A hand-driven libp2p dialer on a plain socket, for tests that misbehave on purpose: it can stop
 * after any step and send whatever bytes it likes.
 */
public final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private CipherState send;
    private CipherState receive;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        socket.setSoTimeout(5000);
    }

    public static RawClient connect(Multiaddr address) throws IOException {
        var s = address.withoutPeerId().toTcpSocketAddress();
        return new RawClient(new Socket(s.getAddress(), s.getPort()));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends the multistream header and {@code protocol}, and checks both echoes (in the clear). */
    public void selectInTheClear(String protocol) throws IOException {
        sendRaw(MultistreamMessages.encode(MultistreamMessages.HEADER));
        sendRaw(MultistreamMessages.encode(protocol));
        expectLine(MultistreamMessages.HEADER, readClearLine());
        expectLine(protocol, readClearLine());
    }

    /** Runs the Noise XX handshake as initiator; afterwards {@link #sendEncrypted} works. */
    public void handshake(NodeIdentity identity) throws IOException, NoiseException {
        NoiseXxHandshake h = new NoiseXxHandshake(true, identity);
        sendNoiseFrame(h.writeMessage1());
        h.readMessage2(readNoiseFrame());
        sendNoiseFrame(h.writeMessage3());
        CipherState[] ciphers = h.split();
        send = ciphers[0];
        receive = ciphers[1];
    }

    /** Runs the handshake up to message 2 only, returning the handshake to misuse. */
    public NoiseXxHandshake handshakeUntilMessage2(NodeIdentity identity) throws IOException, NoiseException {
        NoiseXxHandshake h = new NoiseXxHandshake(true, identity);
        sendNoiseFrame(h.writeMessage1());
        h.readMessage2(readNoiseFrame());
        return h;
    }

    public void sendNoiseFrame(byte[] message) throws IOException {
        byte[] frame = new byte[2 + message.length];
        frame[0] = (byte) (message.length >> 8);
        frame[1] = (byte) message.length;
        System.arraycopy(message, 0, frame, 2, message.length);
        sendRaw(frame);
    }

    public byte[] readNoiseFrame() throws IOException {
        int length = in.readUnsignedShort();
        byte[] message = new byte[length];
        in.readFully(message);
        return message;
    }

    public void sendEncrypted(byte[] plaintext) throws IOException {
        sendNoiseFrame(send.encrypt(new byte[0], plaintext));
    }

    public byte[] readEncrypted() throws IOException, NoiseException {
        return receive.decrypt(new byte[0], readNoiseFrame());
    }

    /** Multistream-selects {@code protocol} inside the secure channel. */
    public void selectEncrypted(String protocol) throws IOException, NoiseException {
        byte[] header = MultistreamMessages.encode(MultistreamMessages.HEADER);
        byte[] proposal = MultistreamMessages.encode(protocol);
        byte[] both = new byte[header.length + proposal.length];
        System.arraycopy(header, 0, both, 0, header.length);
        System.arraycopy(proposal, 0, both, header.length, proposal.length);
        sendEncrypted(both);
        var buf = Unpooled.buffer();
        String[] lines = new String[2];
        int got = 0;
        while (got < 2) {
            buf.writeBytes(readEncrypted());
            try {
                String line;
                while (got < 2 && (line = MultistreamMessages.tryRead(buf)) != null) {
                    lines[got++] = line;
                }
            } catch (ProtobufException e) {
                throw new IOException(e);
            }
        }
        expectLine(MultistreamMessages.HEADER, lines[0]);
        expectLine(protocol, lines[1]);
    }

    /** True if the peer closes the connection within {@code timeout}; data before the close is skipped. */
    public boolean closedByPeerWithin(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] sink = new byte[4096];
        while (System.nanoTime() < deadline) {
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            try {
                if (in.read(sink) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (SocketException | EOFException e) {
                return true; // reset
            }
        }
        return false;
    }

    private String readClearLine() throws IOException {
        int length = in.readUnsignedByte(); // the lines used here are shorter than 128 bytes
        byte[] text = new byte[length];
        in.readFully(text);
        return new String(text, 0, length - 1, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static void expectLine(String expected, String actual) throws IOException {
        if (!expected.equals(actual)) {
            throw new IOException("expected '" + expected + "', got '" + actual + "'");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
