package io.numicoin.gateway.backend;

/** How a failed call to a backend is named in the log: its type and, when it has one, its message. */
final class FailureText {

    private FailureText() {
    }

    static String of(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }
}
