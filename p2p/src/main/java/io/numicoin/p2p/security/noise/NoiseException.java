package io.numicoin.p2p.security.noise;

/** A Noise handshake or transport message that fails: bad length, bad tag, bad identity payload. */
public class NoiseException extends Exception {

    public NoiseException(String message) {
        super(message);
    }

    public NoiseException(String message, Throwable cause) {
        super(message, cause);
    }
}
