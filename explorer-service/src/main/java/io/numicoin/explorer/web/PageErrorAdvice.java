package io.numicoin.explorer.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebInputException;

/**
 * The pages' own errors as HTML: 404 for what the read model does not have, 400 for input that
 * names nothing (a path variable that is not a number included). Paths no page serves get Spring
 * Boot's error page from the same template ({@code templates/error/4xx.html}).
 */
@ControllerAdvice(basePackageClasses = PageErrorAdvice.class)
public class PageErrorAdvice {

    private final PageModelAdvice model;

    /** Spring clears the model before an exception handler runs: the layout's attributes are added again. */
    public PageErrorAdvice(PageModelAdvice model) {
        this.model = model;
    }

    @ExceptionHandler(PageNotFoundException.class)
    public Rendering notFound(PageNotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(BadPageRequestException.class)
    public Rendering badRequest(BadPageRequestException e) {
        return page(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    @ExceptionHandler(ServerWebInputException.class)
    public Rendering badInput(ServerWebInputException e) {
        return page(HttpStatus.BAD_REQUEST, "Bad request", "That address in the explorer does not read as a page: "
                + (e.getReason() == null ? "malformed input" : e.getReason()));
    }

    private Rendering page(HttpStatus status, String error, String detail) {
        return Rendering.view("error/4xx").status(status).header("Cache-Control", "no-store")
                .modelAttribute("fmt", model.fmt()).modelAttribute("network", model.network())
                .modelAttribute("assets", model.assets())
                .modelAttribute("status", status.value()).modelAttribute("error", error)
                .modelAttribute("detail", detail).modelAttribute("title", status.value() + " " + error).build();
    }
}
