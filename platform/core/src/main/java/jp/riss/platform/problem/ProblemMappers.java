package jp.riss.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.riss.platform.json.ControlCharacters;
import jp.riss.platform.web.RequestIds;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into problem+json. Bad input is named field by field; nothing internal (class
 * names, stack traces, SQL) ever reaches the client.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @Inject CurrentVertxRequest request;

  /** Every answer names the path it is about and the request id to quote, as the gateway's do. */
  private Response answer(Problem problem) {
    RoutingContext current = request.getCurrent();
    Problem located = current == null ? problem : problem.withInstance(current.request().path());
    return Problems.toResponse(located.with("requestId", RequestIds.current()));
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return answer(e.problem());
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e) {
    List<Problem.Violation> violations = new ArrayList<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      String field = fieldOf(v.getPropertyPath());
      // A parameter the client sent is named as the contract names it, not as Java does.
      field = isParameter(v) ? ParameterNames.of(v).orElse(field) : field;
      violations.add(new Problem.Violation(field, v.getMessage()));
    }
    violations.sort(Comparator.comparing(Problem.Violation::field));
    return answer(Problems.validation(violations));
  }

  @ServerExceptionMapper
  public Response unknownProperty(UnrecognizedPropertyException e) {
    return field(e, "is not a known property");
  }

  @ServerExceptionMapper
  public Response controlCharacter(ControlCharacters.Refused e) {
    return field(e, "must not contain control characters");
  }

  @ServerExceptionMapper
  public Response invalidFormat(InvalidFormatException e) {
    return field(e, "must be " + describe(e.getTargetType()));
  }

  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e) {
    return field(e, "must be " + describe(e.getTargetType()));
  }

  @ServerExceptionMapper
  public Response mapping(JsonMappingException e) {
    if (e.getCause() instanceof JsonParseException parse) {
      return parse(parse);
    }
    return field(e, "has an invalid value");
  }

  @ServerExceptionMapper
  public Response parse(JsonParseException e) {
    var where = e.getLocation();
    return answer(
        Problems.malformed(
            "The body is not valid JSON"
                + (where == null
                    ? "."
                    : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ").")));
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e) {
    return answer(Problems.malformed("The body is not valid JSON."));
  }

  @ServerExceptionMapper
  public Response concurrentUpdate(jakarta.persistence.OptimisticLockException e) {
    // Two updates raced past the If-Match check; the later one lost.
    return answer(
        Problem.of(
            412,
            "precondition-failed",
            "Stale version",
            "The resource changed while your update ran; read it again and reapply your change."));
  }

  @ServerExceptionMapper
  public Response uniqueness(org.hibernate.exception.ConstraintViolationException e) {
    // A concurrent request stored the same unique thing first; the domain check could not see it.
    return answer(
        Problem.of(
            409, "conflict", "Conflict", "A concurrent request changed the same data; retry."));
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e) {
    return answer(Problems.unauthorized());
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e) {
    return answer(Problems.unauthorized());
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return answer(Problems.forbidden());
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return internal(e);
    }
    // The JSON reader wraps Jackson's failure in a plain 400: answer as if it had been thrown.
    if (e.getCause() instanceof JsonProcessingException jackson) {
      return jackson(jackson);
    }
    if (status == 400) {
      return answer(Problems.malformed("The body could not be read as JSON."));
    }
    if (status == 404) {
      return answer(Problem.of(404, "not-found", "Not found", "No resource at this path."));
    }
    String reason =
        Response.Status.fromStatusCode(status) == null
            ? "Request not accepted"
            : Response.Status.fromStatusCode(status).getReasonPhrase();
    String slug = reason.toLowerCase().replace(' ', '-');
    return answer(Problem.of(status, slug, reason, safeDetail(e, reason)));
  }

  /** The same answer for a Jackson failure whether it arrives bare or wrapped in a 400. */
  private Response jackson(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return unknownProperty(unknown);
    }
    if (e instanceof ControlCharacters.Refused refused) {
      return controlCharacter(refused);
    }
    if (e instanceof InvalidFormatException format) {
      return invalidFormat(format);
    }
    if (e instanceof MismatchedInputException mismatched) {
      return mismatchedInput(mismatched);
    }
    if (e instanceof JsonMappingException mapping) {
      return mapping(mapping);
    }
    if (e instanceof JsonParseException parse) {
      return parse(parse);
    }
    return json(e);
  }

  @ServerExceptionMapper
  public Response internal(Throwable e) {
    if (StoredText.refusedBy(e)) {
      // A backstop: the checks at the edge should have refused such text before the database.
      LOG.warnf("the database refused text of request %s: %s", RequestIds.current(), e);
      return answer(
          Problems.malformed(
              "The request holds characters that cannot be stored (NUL or invalid encoding)."));
    }
    if (DatabaseUnavailable.causedBy(e)) {
      LOG.warnf("database unavailable for request %s: %s", RequestIds.current(), e.toString());
      return Response.fromResponse(answer(Problems.unavailable()))
          .header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS)
          .build();
    }
    String requestId = RequestIds.current();
    LOG.errorf(e, "unhandled error, request %s", requestId);
    return answer(Problems.internal(requestId));
  }

  private Response field(JsonMappingException e, String message) {
    return answer(Problems.validation(List.of(new Problem.Violation(JsonPaths.of(e), message))));
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class || type.isEnum()) {
      return "a string" + (type.isEnum() ? " naming an allowed value" : "");
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 date or time";
    }
    return "an object";
  }

  private static String safeDetail(WebApplicationException e, String fallback) {
    // Framework messages for 4xx (405, 406, 415 …) name the method or media type, nothing internal.
    String message = e.getMessage();
    return message == null || message.isBlank() || message.contains("Exception")
        ? fallback
        : message;
  }

  /** A violation of a method parameter itself, not of a property inside a body. */
  private static boolean isParameter(ConstraintViolation<?> v) {
    Path.Node last = null;
    for (Path.Node node : v.getPropertyPath()) {
      last = node;
    }
    return last != null && last.getKind() == ElementKind.PARAMETER;
  }

  private static String fieldOf(Path path) {
    // "create.body.prefectures[0]" -> "prefectures[0]"; "search.theme" -> "theme": the
    // method and the parameter holding a body are not part of the client's field names.
    String parameter = null;
    StringBuilder field = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable() && node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      } else if (node.isInIterable() && node.getKey() != null) {
        field.append('[').append(node.getKey()).append(']');
      }
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
      } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.BEAN) {
        if (node.getName() != null) {
          field.append(field.length() > 0 ? "." : "").append(node.getName());
        }
      }
    }
    if (field.length() > 0) {
      return field.toString();
    }
    return parameter == null ? "body" : parameter;
  }
}
