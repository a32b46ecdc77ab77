package io.numicoin.node.api.body;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.numicoin.node.api.error.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jazzer: any submitted request body, given to the node's {@link BoundedBodyReader} (the decoder
 * in front of {@code TransactionCodec} and {@code BlockCodec} on the public API), yields the
 * submitted bytes or an {@link ApiException} naming a rule, nothing else; raw bytes come back
 * unchanged and within the cap; JSON yields exactly the bytes its {@code hex} member spells, within
 * the object's limit plus the overhead.
 *
 * <p>Input layout: byte 0 picks the content type (bits 0-1: octet-stream, JSON, JSON with a charset,
 * text) and whether {@code Content-Length} is declared (bit 2); byte 1 the size of the chunks the
 * body arrives in (1..256); the rest is the body. The object's limit is {@value #MAX_BYTES} bytes so
 * the caps are within reach. Under plain {@code mvn test} it runs on the empty input and the committed
 * inputs in {@code src/test/resources/io/numicoin/node/api/body/BoundedBodyReaderFuzzTestInputs/read/}.
 * To fuzz: {@code scripts/fuzz BoundedBodyReaderFuzzTest} (docs/fuzzing.md).
 */
class BoundedBodyReaderFuzzTest {

    private static final int MAX_BYTES = 64;
    private static final MediaType[] TYPES = {MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON,
            MediaType.parseMediaType("application/json;charset=UTF-8"), MediaType.TEXT_PLAIN};
    private static final BoundedBodyReader READER = new BoundedBodyReader(JsonMapper.builder().build());

    @FuzzTest(maxDuration = "60s")
    void read(byte[] input) {
        if (input.length < 2) {
            return;
        }
        MediaType type = TYPES[input[0] & 3];
        boolean declared = (input[0] & 4) != 0;
        int chunk = 1 + (input[1] & 0xff);
        byte[] body = Arrays.copyOfRange(input, 2, input.length);
        List<DataBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < body.length; i += chunk) {
            buffers.add(DefaultDataBufferFactory.sharedInstance.wrap(Arrays.copyOfRange(body, i, Math.min(body.length, i + chunk))));
        }
        MockServerHttpRequest.BodyBuilder request = MockServerHttpRequest.post("/api/v1/transactions").contentType(type);
        if (declared) {
            request.contentLength(body.length);
        }
        byte[] read;
        try {
            read = READER.read(request.body(Flux.fromIterable(buffers)), "transaction", MAX_BYTES).block(Duration.ofSeconds(10));
        } catch (ApiException refused) {
            if (refused.rule() == null || refused.rule().isBlank()) {
                throw new AssertionError("refused without a rule", refused);
            }
            if (type == MediaType.APPLICATION_OCTET_STREAM && body.length <= MAX_BYTES + BoundedBodyReader.OVERHEAD) {
                throw new AssertionError("raw body of " + body.length + " bytes refused", refused);
            }
            return;
        }
        if (read == null) {
            throw new AssertionError("neither bytes nor a refusal");
        }
        if (type == TYPES[3]) {
            throw new AssertionError("read a " + type + " body");
        }
        if (type == MediaType.APPLICATION_OCTET_STREAM) {
            if (!Arrays.equals(read, body) || body.length > MAX_BYTES + BoundedBodyReader.OVERHEAD) {
                throw new AssertionError("raw body of " + body.length + " bytes read as " + read.length + " bytes");
            }
            return;
        }
        if (body.length > 2 * MAX_BYTES + BoundedBodyReader.OVERHEAD) {
            throw new AssertionError("JSON body of " + body.length + " bytes read past the cap");
        }
        // the bytes are what the body's hex spells: their hex appears in the body, in either case
        String hex = HexFormat.of().formatHex(read);
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        if (!text.toLowerCase(java.util.Locale.ROOT).contains(hex) && !text.contains("\\u")) {
            throw new AssertionError("JSON body read as bytes " + hex + " it does not spell");
        }
    }
}
