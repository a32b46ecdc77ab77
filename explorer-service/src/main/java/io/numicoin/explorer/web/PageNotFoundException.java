package io.numicoin.explorer.web;

/** A page whose subject (block, transaction, height) the read model does not have: rendered as the 404 page. */
public final class PageNotFoundException extends RuntimeException {

    public PageNotFoundException(String detail) {
        super(detail);
    }
}
