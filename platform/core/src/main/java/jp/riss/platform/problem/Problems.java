package jp.riss.platform.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The stable problem types every service shares, and how a problem becomes a response. */
public final class Problems {

  private Problems() {}

  public static Problem validation(List<Problem.Violation> violations) {
    return Problem.of(400, "validation", "Invalid request", "One or more fields are invalid.")
        .withViolations(violations);
  }

  public static Problem malformed(String detail) {
    return Problem.of(400, "malformed-request", "Malformed request", detail);
  }

  public static Problem unauthorized() {
    return Problem.of(
        401,
        "unauthorized",
        "Authentication required",
        "A valid bearer token (RS256, right issuer and audience, not expired) is required.");
  }

  public static Problem forbidden() {
    return Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this operation.");
  }

  public static Problem internal(String requestId) {
    return Problem.of(
            500,
            "internal",
            "Internal error",
            "The request could not be completed. Quote the request id when reporting this.")
        .with("requestId", requestId);
  }

  /** How long a client waits before retrying a 503 (seconds): a drained pool frees up fast. */
  public static final String RETRY_AFTER_SECONDS = "2";

  /** The database could not be reached or had no connection free in time: retry shortly. */
  public static Problem unavailable() {
    return Problem.of(
        503,
        "service-unavailable",
        "Service unavailable",
        "The service is busy or briefly unavailable. Retry shortly.");
  }

  public static Response toResponse(Problem problem) {
    Response.ResponseBuilder response =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    if (problem.status() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return response.build();
  }
}
