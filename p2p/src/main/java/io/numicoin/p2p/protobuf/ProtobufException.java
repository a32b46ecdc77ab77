package io.numicoin.p2p.protobuf;

/** Malformed or out-of-bounds wire data (a varint, a protobuf field, a length prefix). */
public class ProtobufException extends Exception {

    public ProtobufException(String message) {
        super(message);
    }
}
