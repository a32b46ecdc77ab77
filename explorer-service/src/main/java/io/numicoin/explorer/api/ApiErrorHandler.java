package io.numicoin.explorer.api;

import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/**
 * Every error of {@code /api/v1/explorer/**} as {@code application/problem+json}: {@code type}
 * {@code https://numicoin.io/problems/} + the rule in lower-kebab case, {@code title} the rule in
 * words, {@code rule} the rule (the node's vocabulary, docs/api.md#errors).
 */
@RestControllerAdvice
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ProblemDetail> api(ApiException e) {
        return problem(e.status(), e.rule(), e.getMessage());
    }

    @ExceptionHandler(ServerWebInputException.class)
    public ResponseEntity<ProblemDetail> input(ServerWebInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", e.getReason());
    }

    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    public ResponseEntity<ProblemDetail> database(org.springframework.dao.DataAccessException e) {
        log.warn("read model unavailable: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", "the read model's database is unavailable");
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        String words = rule.charAt(0) + rule.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        problem.setTitle(words);
        problem.setType(URI.create("https://numicoin.io/problems/" + rule.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setProperty("rule", rule);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
