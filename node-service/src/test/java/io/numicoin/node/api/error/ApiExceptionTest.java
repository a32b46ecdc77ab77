package io.numicoin.node.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.node.chain.ChainUnavailableException;
import io.numicoin.protocol.address.AddressDecodeError;
import io.numicoin.protocol.address.AddressDecodeException;
import io.numicoin.protocol.codec.DecodeError;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.protocol.validation.BlockRejection;
import io.numicoin.protocol.validation.TxCheck;
import io.numicoin.protocol.validation.TxRejectReason;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class ApiExceptionTest {

    @Test
    void theDocumentCarriesTypeTitleStatusDetailInstanceAndRule() {
        ApiException e = Problems.transactionRule(TxCheck.invalid(TxRejectReason.BAD_SIGNATURE, "signature 0 does not verify"));
        assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(e.document("/api/v1/transactions")).containsExactly(
                entry("type", "https://numicoin.io/problems/bad-signature"),
                entry("title", "Bad signature"),
                entry("status", 422),
                entry("detail", "signature 0 does not verify"),
                entry("instance", "/api/v1/transactions"),
                entry("rule", "BAD_SIGNATURE"));
    }

    @Test
    void eachKindOfFailureGetsItsStatusAndRule() {
        assertThat(Problems.decode("transaction", new DecodeException(DecodeError.TRUNCATED, "x")))
                .extracting(ApiException::status, ApiException::rule).containsExactly(HttpStatus.BAD_REQUEST, "DECODE_TRUNCATED");
        assertThat(Problems.decode("block", new DecodeException(DecodeError.TOO_LARGE, "x")))
                .extracting(ApiException::status, ApiException::rule).containsExactly(HttpStatus.CONTENT_TOO_LARGE, "TOO_LARGE");
        assertThat(Problems.transactionRule(TxCheck.invalid(TxRejectReason.TOO_LARGE, "x")))
                .extracting(ApiException::status, ApiException::rule).containsExactly(HttpStatus.CONTENT_TOO_LARGE, "TOO_LARGE");
        assertThat(Problems.address("numi1xyz", new AddressDecodeException(AddressDecodeError.BAD_CHECKSUM, "x")))
                .extracting(ApiException::status, ApiException::rule).containsExactly(HttpStatus.BAD_REQUEST, "ADDRESS_BAD_CHECKSUM");
        ApiException rejected = Problems.blockRejected("ab", BlockRejection.atTransaction(BlockRejectReason.BAD_NONCE, 2, "nonce 3"));
        assertThat(rejected.rule()).isEqualTo("BAD_NONCE");
        assertThat(rejected.document("/p")).containsEntry("txIndex", 2).containsEntry("blockId", "ab");
        assertThat(ProblemMapper.toApiException(new TimeoutException()))
                .extracting(ApiException::status, ApiException::rule).containsExactly(HttpStatus.SERVICE_UNAVAILABLE, "TIMEOUT");
        ApiException unavailable = ProblemMapper.toApiException(
                new ChainUnavailableException("the block could not be stored: org.postgresql.util.PSQLException: FATAL at 10.0.0.7"));
        assertThat(unavailable).extracting(ApiException::status, ApiException::rule)
                .containsExactly(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE");
        assertThat(unavailable.detail()).doesNotContain("PSQL", "10.0.0.7", "stored");
        assertThat(ProblemMapper.toApiException(new ResponseStatusException(HttpStatus.BAD_GATEWAY, "upstream 10.0.0.7 said x")))
                .extracting(ApiException::status, ApiException::rule, ApiException::detail)
                .containsExactly(HttpStatus.BAD_GATEWAY, "INTERNAL", "internal error");
        assertThat(ProblemMapper.toApiException(new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED)))
                .extracting(ApiException::status, ApiException::rule).containsExactly(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED");
        assertThat(ProblemMapper.toApiException(new IllegalStateException("secret internals")))
                .extracting(ApiException::status, ApiException::rule, ApiException::detail)
                .containsExactly(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "internal error");
    }

    private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
        return java.util.Map.entry(key, value);
    }
}
