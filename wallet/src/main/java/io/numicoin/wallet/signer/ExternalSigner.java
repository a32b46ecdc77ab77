package io.numicoin.wallet.signer;

import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.TxSignature;
import io.numicoin.wallet.transfer.PartialTransfer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * The wallet's side of {@code numi-signer/1}: runs the signer command (no shell) with the action as
 * its last argument, writes the request to its standard input, reads at most
 * {@link SignerProtocol#MAX_MESSAGE_BYTES} of its standard output and 64 KiB of its standard error,
 * and kills it past the timeout (a hardware signer waits for a person to confirm: give it time).
 * Nothing a signer answers is trusted: the returned transfer must decode, check (every signature
 * verifies) and be the same transaction, and it must add at least one signature.
 */
public final class ExternalSigner {

    private static final int MAX_STDERR = 64 * 1024;

    private final List<String> command;
    private final Duration timeout;

    public ExternalSigner(List<String> command, Duration timeout) {
        if (command.isEmpty() || command.getFirst().isBlank()) {
            throw new IllegalArgumentException("the signer command is empty");
        }
        this.command = List.copyOf(command);
        this.timeout = timeout;
    }

    /** A command line split at white space (no quoting, no shell: wrap anything more in a script). */
    public static List<String> parseCommand(String line) {
        List<String> parts = Arrays.stream(line.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("the signer command is empty");
        }
        return parts;
    }

    /** The public keys the signer holds. */
    public List<MlDsaPublicKey> keys() throws SignerException {
        return SignerProtocol.keys(run(SignerProtocol.ACTION_KEYS, SignerProtocol.keysRequest()));
    }

    /** {@code transfer} with the signatures the signer added; fails if it added none. */
    public PartialTransfer sign(String network, PartialTransfer transfer) throws SignerException {
        JsonNode answer = run(SignerProtocol.ACTION_SIGN, SignerProtocol.signRequest(network, transfer));
        PartialTransfer signed = SignerProtocol.partialTransfer(answer, "the signer's answer");
        if (!signed.transaction().equals(transfer.transaction())) {
            throw new SignerException("DIFFERENT_TRANSACTION", "the signer answered with another transaction (txid "
                    + signed.txid().toHex() + ", sent " + transfer.txid().toHex() + "): refused");
        }
        List<TxSignature> added = new ArrayList<>();
        for (TxSignature signature : signed.signatures()) {
            if (!transfer.isSignedBy(signature.keyIndex())) {
                added.add(signature);
            }
        }
        if (added.isEmpty()) {
            throw new SignerException("NO_SIGNATURE", "the signer added no signature (it holds none of the unsigned keys?)");
        }
        return transfer.with(added);
    }

    private JsonNode run(String action, byte[] request) throws SignerException {
        List<String> line = new ArrayList<>(command);
        line.add(action);
        Process process;
        try {
            process = new ProcessBuilder(line).start();
        } catch (IOException e) {
            throw new SignerException("NOT_STARTED", "cannot run the signer " + command.getFirst() + ": " + e.getMessage(), e);
        }
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readBounded(process.getInputStream(),
                    SignerProtocol.MAX_MESSAGE_BYTES + 1), readers);
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readBounded(process.getErrorStream(), MAX_STDERR), readers);
            try (OutputStream in = process.getOutputStream()) {
                in.write(request);
            } catch (IOException e) {
                // the signer closed its input early: its exit code and output say why
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SignerException("TIMEOUT", "the signer did not answer within " + timeout.toSeconds() + " s: stopped");
            }
            byte[] out = stdout.get(5, TimeUnit.SECONDS);
            String err = new String(stderr.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
            if (out.length > SignerProtocol.MAX_MESSAGE_BYTES) {
                throw new SignerException("TOO_LARGE", "the signer answered more than " + SignerProtocol.MAX_MESSAGE_BYTES + " bytes");
            }
            if (process.exitValue() != 0) {
                SignerException error = errorOf(out);
                String detail = error != null ? error.code() + ": " + error.getMessage() : err.isEmpty() ? "no message" : err;
                throw new SignerException(error != null ? error.code() : "SIGNER_FAILED",
                        "the signer failed (exit code " + process.exitValue() + "): " + detail);
            }
            return SignerProtocol.parse(out, "the signer's answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignerException("INTERRUPTED", "interrupted while waiting for the signer", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new SignerException("SIGNER_FAILED", "the signer's output could not be read: " + e, e);
        } finally {
            // the signer and anything it started: their pipes close, so the readers end
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            readers.shutdown();
        }
    }

    private static SignerException errorOf(byte[] out) {
        try {
            return SignerProtocol.error(SignerProtocol.parse(out, "the signer's answer"));
        } catch (SignerException notJson) {
            return null;
        }
    }

    private static byte[] readBounded(InputStream in, int max) {
        try (in) {
            byte[] bytes = in.readNBytes(max);
            in.transferTo(OutputStream.nullOutputStream());   // drain, so the signer never blocks on a full pipe
            return bytes;
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
