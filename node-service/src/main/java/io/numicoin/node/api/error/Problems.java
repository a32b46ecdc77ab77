package io.numicoin.node.api.error;

import io.numicoin.protocol.address.AddressDecodeException;
import io.numicoin.protocol.codec.DecodeError;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.validation.BlockRejection;
import io.numicoin.protocol.validation.TxCheck;
import io.numicoin.protocol.validation.TxRejectReason;
import io.numicoin.support.problem.ProblemVocabulary;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The API's problems, one factory per kind, so that each rule always gets the same status:
 * malformed input 400, not found 404, a body not stored below a snapshot base 410, too large 413, unsupported media type 415, a consensus or
 * transaction rule broken 422, a timeout or unreachable dependency 503.
 */
public final class Problems {

    /** Any request body or transaction over its size limit. */
    public static final String TOO_LARGE = ProblemVocabulary.TOO_LARGE;
    public static final String MALFORMED_HEX = "MALFORMED_HEX";
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String MALFORMED_HASH = "MALFORMED_HASH";
    public static final String UNSUPPORTED_MEDIA_TYPE = ProblemVocabulary.UNSUPPORTED_MEDIA_TYPE;
    public static final String INVALID_PARAMETER = ProblemVocabulary.INVALID_PARAMETER;
    public static final String RANGE_TOO_LARGE = "RANGE_TOO_LARGE";
    public static final String BLOCK_NOT_FOUND = "BLOCK_NOT_FOUND";
    /** The block is known but its body is not stored and never will be: at or below a snapshot base. */
    public static final String BODY_NOT_STORED = "BODY_NOT_STORED";
    public static final String TRANSACTION_NOT_FOUND = "TRANSACTION_NOT_FOUND";
    public static final String NOT_FOUND = ProblemVocabulary.NOT_FOUND;
    public static final String TIMEOUT = ProblemVocabulary.TIMEOUT;
    public static final String UNAVAILABLE = ProblemVocabulary.UNAVAILABLE;
    public static final String INTERNAL = ProblemVocabulary.INTERNAL;

    private Problems() {
    }

    /** A decoder refused the bytes: {@code DECODE_<error>} (400), or {@link #TOO_LARGE} (413). */
    public static ApiException decode(String what, DecodeException e) {
        if (e.error() == DecodeError.TOO_LARGE) {
            return tooLarge(what + ": " + e.getMessage());
        }
        return new ApiException(HttpStatus.BAD_REQUEST, "DECODE_" + e.error().name(), what + ": " + e.getMessage());
    }

    /** A transaction broke a stateless rule: the {@link TxRejectReason} name (422; TOO_LARGE 413). */
    public static ApiException transactionRule(TxCheck check) {
        if (check.reason() == TxRejectReason.TOO_LARGE) {
            return tooLarge("transaction: " + check.detail());
        }
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, check.reason().name(), check.detail());
    }

    /** A block broke a consensus rule: the {@code BlockRejectReason} name (422), with the transaction index. */
    public static ApiException blockRejected(String blockId, BlockRejection rejection) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, rejection.reason().name(), rejection.detail(),
                Map.of("blockId", blockId, "txIndex", rejection.txIndex()));
    }

    /** An address string is not a bech32m address of this network: {@code ADDRESS_<error>} (400). */
    public static ApiException address(String text, AddressDecodeException e) {
        return new ApiException(HttpStatus.BAD_REQUEST, "ADDRESS_" + e.error().name(),
                "'" + abbreviate(text) + "': " + e.getMessage());
    }

    public static ApiException tooLarge(String detail) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, detail);
    }

    public static ApiException malformedHex(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, MALFORMED_HEX, detail);
    }

    public static ApiException malformedHash(String what, String text) {
        return new ApiException(HttpStatus.BAD_REQUEST, MALFORMED_HASH,
                what + " must be 64 hex digits, got '" + abbreviate(text) + "'");
    }

    public static ApiException rangeTooLarge(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, RANGE_TOO_LARGE, detail);
    }

    public static ApiException invalidParameter(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, detail);
    }

    /** A body this node does not have and will not fetch (410): the block's state came from a snapshot. */
    public static ApiException bodyNotStored(String detail) {
        return new ApiException(HttpStatus.GONE, BODY_NOT_STORED, detail);
    }

    public static ApiException notFound(String rule, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, rule, detail);
    }

    static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
