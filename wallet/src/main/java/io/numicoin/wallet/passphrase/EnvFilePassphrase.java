package io.numicoin.wallet.passphrase;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The passphrase file named by an environment variable, as Kubernetes and compose mount secrets:
 * {@code NUMI_KEYSTORE_PASSPHRASE_FILE=/run/secrets/wallet}. The variable never holds the
 * passphrase itself (environments leak into process listings, crash reports and child processes).
 */
public record EnvFilePassphrase(String variable, UnaryOperator<String> environment) implements PassphraseSource {

    public EnvFilePassphrase {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(environment, "environment");
    }

    @Override
    public char[] read() throws PassphraseException {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new PassphraseException(PassphraseFailure.ENV_UNSET,
                    "the environment variable " + variable + " (the path of the passphrase file) is not set");
        }
        return new FilePassphrase(Path.of(value.strip())).read();
    }

    @Override
    public String describe() {
        return "the file named by $" + variable;
    }
}
