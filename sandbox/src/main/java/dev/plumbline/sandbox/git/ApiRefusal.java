package dev.plumbline.sandbox.git;

/** An API request the sandbox refuses, with the HTTP status Gitea answers it with. */
final class ApiRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    final int status;

    ApiRefusal(int status, String message) {
        super(message);
        this.status = status;
    }
}
