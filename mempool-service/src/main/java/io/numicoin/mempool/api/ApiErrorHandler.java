package io.numicoin.mempool.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Every API error as {@code application/problem+json} with a {@code rule} property naming the broken rule. */
@RestControllerAdvice
public class ApiErrorHandler {

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ProblemDetail> api(ApiException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.rule());
        problem.setType(URI.create("https://numicoin.io/problems/" + e.rule().toLowerCase(java.util.Locale.ROOT)));
        problem.setProperty("rule", e.rule());
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ServerWebInputException.class)
    public ResponseEntity<ProblemDetail> input(ServerWebInputException e) {
        return api(new ApiException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", e.getReason(), java.util.Map.of()));
    }
}
