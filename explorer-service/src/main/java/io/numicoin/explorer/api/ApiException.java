package io.numicoin.explorer.api;

import org.springframework.http.HttpStatus;

/**
 * An API error with the rule it reports ({@code rule} of the problem+json answer, docs/api.md#errors).
 * Written by {@link ApiErrorHandler} in the shared problem vocabulary (service-support).
 */
public final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String rule;

    public ApiException(HttpStatus status, String rule, String detail) {
        super(detail);
        this.status = status;
        this.rule = rule;
    }

    public static ApiException notFound(String rule, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, rule, detail);
    }

    public static ApiException badRequest(String rule, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, rule, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String rule() {
        return rule;
    }
}
