package io.numicoin.wallet.passphrase;

import java.io.Console;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where a passphrase comes from: a prompt without echo, a file's first line, or a file named by an
 * environment variable (a Kubernetes Secret or compose secret mounted as a file). {@link #read()}
 * returns a new array the caller zeroes after use.
 */
public sealed interface PassphraseSource permits ConsolePassphrase, FilePassphrase, EnvFilePassphrase {

    char[] read() throws PassphraseException;

    /** For messages: where the passphrase is read from (never the passphrase). */
    String describe();

    /** A prompt on the process's terminal. */
    static PassphraseSource prompt(String prompt) {
        return new ConsolePassphrase(System.console(), prompt, false);
    }

    /** A prompt for a new passphrase, asked twice. */
    static PassphraseSource promptNew(String prompt) {
        return new ConsolePassphrase(System.console(), prompt, true);
    }

    static PassphraseSource file(Path path) {
        return new FilePassphrase(path);
    }

    static PassphraseSource envFile(String variable) {
        return new EnvFilePassphrase(variable, System::getenv);
    }

    /**
     * Parses a source description: {@code prompt}, {@code file:PATH} or {@code env:VARIABLE}
     * ({@code env} names the variable holding the passphrase file's path, never the passphrase).
     */
    static PassphraseSource parse(String spec, Console console, UnaryOperator<String> environment, boolean newPassphrase)
            throws PassphraseException {
        if (spec.equals("prompt")) {
            return new ConsolePassphrase(console, newPassphrase ? "New passphrase: " : "Passphrase: ", newPassphrase);
        }
        if (spec.startsWith("file:") && spec.length() > "file:".length()) {
            return new FilePassphrase(Path.of(spec.substring("file:".length())));
        }
        if (spec.startsWith("env:") && spec.length() > "env:".length()) {
            return new EnvFilePassphrase(spec.substring("env:".length()), environment);
        }
        throw new PassphraseException(PassphraseFailure.BAD_SPEC,
                "a passphrase source is 'prompt', 'file:PATH' or 'env:VARIABLE' (a variable naming the file), got '" + spec + "'");
    }
}
