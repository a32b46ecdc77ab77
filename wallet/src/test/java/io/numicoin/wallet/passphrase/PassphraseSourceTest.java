package io.numicoin.wallet.passphrase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphraseSourceTest {

    @TempDir
    Path dir;

    @Test
    void fileGivesItsFirstLineWithoutTheLineEnd() throws Exception {
        Path lf = Files.writeString(dir.resolve("lf"), "first line  \nsecond line\n");
        Path crlf = Files.writeString(dir.resolve("crlf"), "windows\r\nmore");
        Path bare = Files.writeString(dir.resolve("bare"), "no newline");
        Path unicode = Files.writeString(dir.resolve("unicode"), "caf\u00e9 \uD83D\uDD11\n", StandardCharsets.UTF_8);

        assertThat(new FilePassphrase(lf).read()).isEqualTo("first line  ".toCharArray());
        assertThat(new FilePassphrase(crlf).read()).isEqualTo("windows".toCharArray());
        assertThat(new FilePassphrase(bare).read()).isEqualTo("no newline".toCharArray());
        assertThat(new FilePassphrase(unicode).read()).isEqualTo("caf\u00e9 \uD83D\uDD11".toCharArray());
    }

    @Test
    void fileFailuresAreTyped() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\nsecret on line two\n");
        Path large = Files.write(dir.resolve("large"), new byte[FilePassphrase.MAX_BYTES + 1]);
        Path latin1 = Files.write(dir.resolve("latin1"), new byte[] {'c', 'a', 'f', (byte) 0xe9, '\n'});

        assertFailure(new FilePassphrase(dir.resolve("absent")), PassphraseFailure.FILE_UNREADABLE);
        assertFailure(new FilePassphrase(empty), PassphraseFailure.EMPTY);
        assertFailure(new FilePassphrase(large), PassphraseFailure.FILE_TOO_LARGE);
        assertFailure(new FilePassphrase(latin1), PassphraseFailure.NOT_UTF8);
    }

    @Test
    void environmentVariableNamesTheFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("wallet-secret"), "from a mounted secret\n");
        Map<String, String> environment = Map.of("NUMI_PASSPHRASE_FILE", secret.toString(), "BLANK", " ");

        assertThat(new EnvFilePassphrase("NUMI_PASSPHRASE_FILE", environment::get).read())
                .isEqualTo("from a mounted secret".toCharArray());
        assertFailure(new EnvFilePassphrase("UNSET", environment::get), PassphraseFailure.ENV_UNSET);
        assertFailure(new EnvFilePassphrase("BLANK", environment::get), PassphraseFailure.ENV_UNSET);
    }

    /** Surefire's JVM has no terminal, like a service: the prompt says so instead of blocking. */
    @Test
    void promptWithoutATerminalIsTyped() {
        assertFailure(PassphraseSource.prompt("Passphrase: "), PassphraseFailure.NO_CONSOLE);
        assertFailure(new ConsolePassphrase(null, "Passphrase: ", true), PassphraseFailure.NO_CONSOLE);
    }

    @Test
    void specsParseToTheirSources() throws Exception {
        Path secret = Files.writeString(dir.resolve("s"), "x\n");

        assertThat(PassphraseSource.parse("file:" + secret, null, name -> null, false)).isEqualTo(new FilePassphrase(secret));
        assertThat(PassphraseSource.parse("env:NUMI_PASSPHRASE_FILE", null, name -> secret.toString(), false).read())
                .isEqualTo("x".toCharArray());
        assertThat(PassphraseSource.parse("prompt", null, name -> null, true)).isInstanceOf(ConsolePassphrase.class);
        for (String bad : new String[] {"", "file:", "env:", "hunter2", "pass:hunter2"}) {
            assertThatThrownBy(() -> PassphraseSource.parse(bad, null, name -> null, false))
                    .isInstanceOfSatisfying(PassphraseException.class, e -> assertThat(e.reason()).isEqualTo(PassphraseFailure.BAD_SPEC));
        }
    }

    private static void assertFailure(PassphraseSource source, PassphraseFailure reason) {
        assertThatThrownBy(source::read)
                .isInstanceOfSatisfying(PassphraseException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
