package io.numicoin.node.api.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.node.api.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

class BoundedBodyReaderTest {

    private final BoundedBodyReader reader = new BoundedBodyReader(JsonMapper.builder().build());

    @Test
    void jsonHexAndRawBytesGiveTheSameBytes() {
        byte[] fromJson = reader.read(MockServerHttpRequest.post("/x").contentType(MediaType.APPLICATION_JSON)
                .body("{\"hex\": \"00ff10AB\"}"), "thing", 16).block(Duration.ofSeconds(5));
        byte[] raw = reader.read(MockServerHttpRequest.post("/x").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(new byte[] {0, (byte) 0xff, 0x10, (byte) 0xab}))),
                "thing", 16).block(Duration.ofSeconds(5));
        assertThat(fromJson).containsExactly(0, 0xff, 0x10, 0xab);
        assertThat(raw).containsExactly(fromJson);
    }

    @Test
    void aDeclaredLengthOverTheCapIsRefusedUnread() {
        MockServerHttpRequest request = MockServerHttpRequest.post("/x").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(100 + BoundedBodyReader.OVERHEAD + 1)
                .body(Flux.error(new AssertionError("the body must not be read")));
        assertThatThrownBy(() -> reader.read(request, "thing", 100).block(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.rule()).isEqualTo("TOO_LARGE"));
    }

    @Test
    void aStreamedBodyOverTheCapIsCutOff() {
        byte[] chunk = new byte[512];
        MockServerHttpRequest request = MockServerHttpRequest.post("/x").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(Flux.range(0, 1_000).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk)));
        assertThatThrownBy(() -> reader.read(request, "thing", 100).block(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.rule()).isEqualTo("TOO_LARGE"));
    }

    @Test
    void badInputNamesItsRule() {
        assertThat(rule(MediaType.APPLICATION_JSON, "{\"hex\": \"abc\"}")).isEqualTo("MALFORMED_HEX");
        assertThat(rule(MediaType.APPLICATION_JSON, "{\"hex\": \"zz\"}")).isEqualTo("MALFORMED_HEX");
        assertThat(rule(MediaType.APPLICATION_JSON, "{\"hex\": ")).isEqualTo("MALFORMED_JSON");
        assertThat(rule(MediaType.APPLICATION_JSON, "{}")).isEqualTo("MALFORMED_JSON");
        assertThat(rule(MediaType.TEXT_PLAIN, "00")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    private String rule(MediaType type, String body) {
        MockServerHttpRequest request = MockServerHttpRequest.post("/x").contentType(type)
                .body(new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        try {
            reader.read(request, "thing", 100).block(Duration.ofSeconds(5));
            throw new AssertionError("accepted " + body);
        } catch (ApiException e) {
            return e.rule();
        }
    }
}
