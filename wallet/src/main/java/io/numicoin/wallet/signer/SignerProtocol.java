package io.numicoin.wallet.signer;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.wallet.file.FileFormatException;
import io.numicoin.wallet.transfer.PartialTransfer;
import io.numicoin.wallet.transfer.PartialTransferCheck;
import io.numicoin.wallet.transfer.PartialTransferCodec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The external signer protocol, {@code numi-signer/1} (docs/signer-protocol.md): one JSON object
 * on the signer's standard input, one on its standard output. Actions: {@code keys} (the public
 * keys the signer holds) and {@code sign} (a partially signed transfer in, the same transfer with
 * the signer's signatures added out). A failure is a non-zero exit and, on standard output,
 * {@code {"protocol":..,"error":{"code":..,"message":..}}}. Both sides bound what they read.
 */
public final class SignerProtocol {

    public static final String VERSION = "numi-signer/1";
    public static final String ACTION_KEYS = "keys";
    public static final String ACTION_SIGN = "sign";
    /** A request or answer: a base64 partial transfer (at most 128 KiB, so under 175 KiB) and a little JSON. */
    public static final int MAX_MESSAGE_BYTES = 256 * 1024;

    /** Error codes the reference signer uses; a signer may use others. */
    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String KEY_NOT_IN_POLICY = "KEY_NOT_IN_POLICY";
    public static final String WRONG_NETWORK = "WRONG_NETWORK";
    public static final String LOCKED = "LOCKED";
    public static final String DECLINED = "DECLINED";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SignerProtocol() {
    }

    public static byte[] signRequest(String network, PartialTransfer transfer) {
        ObjectNode request = JSON.createObjectNode().put("protocol", VERSION).put("network", network)
                .put("partialTransfer", Base64.getEncoder().encodeToString(PartialTransferCodec.encode(transfer)));
        return JSON.writeValueAsBytes(request);
    }

    public static byte[] keysRequest() {
        return JSON.writeValueAsBytes(JSON.createObjectNode().put("protocol", VERSION));
    }

    public static byte[] signAnswer(PartialTransfer transfer) {
        return JSON.writeValueAsBytes(JSON.createObjectNode().put("protocol", VERSION)
                .put("partialTransfer", Base64.getEncoder().encodeToString(PartialTransferCodec.encode(transfer))));
    }

    public static byte[] keysAnswer(List<MlDsaPublicKey> keys) {
        ObjectNode answer = JSON.createObjectNode().put("protocol", VERSION);
        ArrayNode array = answer.putArray("keys");
        for (MlDsaPublicKey key : keys) {
            array.addObject().put("publicKey", key.bytes().toHex());
        }
        return JSON.writeValueAsBytes(answer);
    }

    public static byte[] errorAnswer(String code, String message) {
        ObjectNode answer = JSON.createObjectNode().put("protocol", VERSION);
        answer.putObject("error").put("code", code).put("message", message);
        return JSON.writeValueAsBytes(answer);
    }

    /** A message of either side: bounded, a JSON object of this protocol version. */
    public static JsonNode parse(byte[] message, String what) throws SignerException {
        if (message.length > MAX_MESSAGE_BYTES) {
            throw new SignerException(BAD_REQUEST, what + " has more than " + MAX_MESSAGE_BYTES + " bytes");
        }
        JsonNode node;
        try {
            node = JSON.readTree(message);
        } catch (JacksonException e) {
            throw new SignerException(BAD_REQUEST, what + " is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new SignerException(BAD_REQUEST, what + " is not a JSON object");
        }
        String protocol = node.path("protocol").asString("");
        if (!protocol.equals(VERSION)) {
            throw new SignerException(BAD_REQUEST, what + " speaks '" + protocol + "', not " + VERSION);
        }
        return node;
    }

    /** The error a message carries, if it is one. */
    public static SignerException error(JsonNode message) {
        JsonNode error = message.path("error");
        if (!error.isObject()) {
            return null;
        }
        return new SignerException(error.path("code").asString("SIGNER_ERROR"), error.path("message").asString(""));
    }

    /** The partial transfer of a request or answer, decoded and checked like a file. */
    public static PartialTransfer partialTransfer(JsonNode message, String what) throws SignerException {
        String text = message.path("partialTransfer").asString("");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SignerException(BAD_REQUEST, what + ": partialTransfer is not base64");
        }
        try {
            return PartialTransferCheck.verify(PartialTransferCodec.decode(bytes));
        } catch (FileFormatException e) {
            throw new SignerException(BAD_REQUEST, what + ": " + e.getMessage(), e);
        }
    }

    /** The public keys of a {@code keys} answer. */
    public static List<MlDsaPublicKey> keys(JsonNode answer) throws SignerException {
        JsonNode keys = answer.path("keys");
        if (!keys.isArray() || keys.size() > 64) {
            throw new SignerException(BAD_REQUEST, "the signer's keys answer has no 'keys' array (of at most 64)");
        }
        List<MlDsaPublicKey> result = new ArrayList<>();
        for (JsonNode key : keys) {
            String hex = key.path("publicKey").asString("");
            if (hex.length() != 2 * MlDsaPublicKey.SIZE || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new SignerException(BAD_REQUEST, "a key of the signer's answer is not " + MlDsaPublicKey.SIZE + " bytes of hex");
            }
            result.add(new MlDsaPublicKey(Bytes.of(HexFormat.of().parseHex(hex))));
        }
        return result;
    }
}
