package io.numicoin.wallet.passphrase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The first line of a file (without its {@code \n} or {@code \r\n}), decoded as UTF-8 without
 * going through a String, so the copy returned is the only one left.
 */
public record FilePassphrase(Path path) implements PassphraseSource {

    /** A passphrase file longer than this is refused (it is not a passphrase). */
    public static final int MAX_BYTES = 4096;

    public FilePassphrase {
        Objects.requireNonNull(path, "path");
    }

    @Override
    public char[] read() throws PassphraseException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new PassphraseException(PassphraseFailure.FILE_UNREADABLE, "cannot read the passphrase file " + path + ": " + e, e);
        }
        try {
            if (bytes.length > MAX_BYTES) {
                throw new PassphraseException(PassphraseFailure.FILE_TOO_LARGE,
                        "the passphrase file " + path + " is larger than " + MAX_BYTES + " bytes");
            }
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
            if (end == 0) {
                throw new PassphraseException(PassphraseFailure.EMPTY, "the first line of the passphrase file " + path + " is empty");
            }
            return decode(bytes, end);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private char[] decode(byte[] bytes, int length) throws PassphraseException {
        CharBuffer chars = CharBuffer.allocate(length);
        try {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            var result = decoder.decode(ByteBuffer.wrap(bytes, 0, length), chars, true);
            if (result.isError()) {
                result.throwException();
            }
            decoder.flush(chars);
            return Arrays.copyOf(chars.array(), chars.position());
        } catch (CharacterCodingException e) {
            throw new PassphraseException(PassphraseFailure.NOT_UTF8, "the passphrase file " + path + " is not UTF-8", e);
        } finally {
            Arrays.fill(chars.array(), '\0');
        }
    }

    @Override
    public String describe() {
        return "the file " + path;
    }
}
