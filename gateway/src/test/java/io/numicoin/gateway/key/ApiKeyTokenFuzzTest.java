package io.numicoin.gateway.key;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Jazzer: any {@code X-Api-Key} (or bearer token) text, the input read as ISO-8859-1 as HTTP carries
 * header bytes, is refused by {@link ApiKeyToken#parse} or parsed to the key whose text is exactly
 * the input (surrounding white space aside), within 80 characters; nothing throws.
 *
 * <p>Under plain {@code mvn test} it runs on the empty input and the committed inputs in
 * {@code src/test/resources/io/numicoin/gateway/key/ApiKeyTokenFuzzTestInputs/parse/}. To fuzz:
 * {@code scripts/fuzz ApiKeyTokenFuzzTest} (docs/fuzzing.md).
 */
class ApiKeyTokenFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        Optional<ApiKeyToken> token = ApiKeyToken.parse(text);
        if (token.isEmpty()) {
            return;
        }
        if (text.length() > 80 || !token.get().text().equals(text.strip())) {
            throw new AssertionError("parsed '" + text + "' to " + token.get().text());
        }
        if (!ApiKeyToken.parse(token.get().text()).equals(token)) {
            throw new AssertionError("the parsed key's text does not parse back to it: " + token.get().text());
        }
    }
}
