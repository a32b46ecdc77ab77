package io.numicoin.explorer.web;

/** A page asked for with input that cannot name anything (a malformed hash or address): the 400 page. */
public final class BadPageRequestException extends RuntimeException {

    public BadPageRequestException(String detail) {
        super(detail);
    }
}
