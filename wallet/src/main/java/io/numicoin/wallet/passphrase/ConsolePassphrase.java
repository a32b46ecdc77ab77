package io.numicoin.wallet.passphrase;

import java.io.Console;
import java.util.Arrays;

/** A prompt on the terminal without echo ({@link Console#readPassword}); a new passphrase is asked twice. */
public record ConsolePassphrase(Console console, String prompt, boolean confirm) implements PassphraseSource {

    @Override
    public char[] read() throws PassphraseException {
        if (console == null || !console.isTerminal()) {
            throw new PassphraseException(PassphraseFailure.NO_CONSOLE, "no terminal to ask for the passphrase on: "
                    + "give it with a passphrase file (file:PATH) or an environment variable naming one (env:VARIABLE)");
        }
        char[] first = ask(prompt);
        if (confirm) {
            char[] second = ask("Repeat " + prompt.substring(0, 1).toLowerCase() + prompt.substring(1));
            boolean same = Arrays.equals(first, second);
            Arrays.fill(second, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw new PassphraseException(PassphraseFailure.MISMATCH, "the two passphrases differ");
            }
        }
        return first;
    }

    private char[] ask(String text) throws PassphraseException {
        char[] answer = console.readPassword("%s", text);
        if (answer == null || answer.length == 0) {
            throw new PassphraseException(PassphraseFailure.EMPTY, "no passphrase was entered");
        }
        return answer;
    }

    @Override
    public String describe() {
        return "the terminal";
    }
}
