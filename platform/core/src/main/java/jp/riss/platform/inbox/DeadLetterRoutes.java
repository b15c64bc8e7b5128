package jp.riss.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.ManagementInterface;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.security.Roles;
import jp.riss.platform.web.ProblemWriter;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The operators' view of the dead letters, on the management interface only (which neither the
 * gateway nor an Ingress routes), for the same role as the admin endpoints: a bearer token of the
 * {@code ipa-admin} role, verified with the service's JWT settings.
 *
 * <ul>
 *   <li>{@code GET /q/dead-letters}: the topics this service consumes and every event its consumers
 *       parked (source topic/partition/offset, reason, consumer, time, event id and type);
 *   <li>{@code POST /q/dead-letters/replay} with {@code {"topic": "<topic>"}} replays all of that
 *       topic's parked events, with {@code "source": "<topic>/<partition>@<offset>"} only that one;
 *       the answer lists each outcome ({@code applied}, {@code already-applied}, {@code failed}).
 * </ul>
 *
 * The management interface runs no HTTP security policy of its own for these routes, so the token
 * is checked here, before anything is read.
 */
@ApplicationScoped
public class DeadLetterRoutes {

  public static final String PATH = "/q/dead-letters";
  private static final String BEARER = "Bearer ";
  private static final Set<String> FIELDS = Set.of("topic", "source");
  private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9._-]{1,249}/\\d{1,9}@\\d{1,19}");

  @Inject DeadLetterReplay replay;
  @Inject JWTParser tokens;
  @Inject ObjectMapper json;

  void routes(@Observes ManagementInterface management) {
    management.router().get(PATH).blockingHandler(this::list, false);
    // The management router reads bodies itself (within quarkus.management.limits).
    management.router().post(PATH + "/replay").blockingHandler(this::replay, false);
  }

  private void list(RoutingContext ctx) {
    if (!admin(ctx)) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("topics", replay.topics());
    body.put("items", replay.parked());
    answer(ctx, body);
  }

  private void replay(RoutingContext ctx) {
    if (!admin(ctx)) {
      return;
    }
    JsonNode body;
    try {
      body =
          !ctx.body().available() || ctx.body().isEmpty()
              ? json.createObjectNode()
              : json.readTree(ctx.body().buffer().getBytes());
    } catch (IOException e) {
      ProblemWriter.send(ctx, Problems.malformed("the body is not JSON"), null);
      return;
    }
    List<Problem.Violation> violations = new ArrayList<>();
    if (!body.isObject()) {
      ProblemWriter.send(ctx, Problems.malformed("the body must be a JSON object"), null);
      return;
    }
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name)) {
                violations.add(new Problem.Violation(name, "is not a field of a replay"));
              }
            });
    JsonNode topic = body.path("topic");
    if (!topic.isTextual() || !replay.topics().contains(topic.asText())) {
      violations.add(
          new Problem.Violation(
              "topic", "is required: one of " + replay.topics() + " consumed here"));
    }
    JsonNode source = body.path("source");
    boolean sourceGiven = !source.isMissingNode() && !source.isNull();
    if (sourceGiven
        && (!source.isTextual()
            || !SOURCE.matcher(source.asText()).matches()
            || !source.asText().startsWith(topic.asText() + "/"))) {
      violations.add(
          new Problem.Violation(
              "source", "must be <topic>/<partition>@<offset> of a record of that topic"));
    }
    if (!violations.isEmpty()) {
      ProblemWriter.send(ctx, Problems.validation(violations), null);
      return;
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put(
        "items",
        replay.replay(
            topic.asText(), sourceGiven ? Optional.of(source.asText()) : Optional.empty()));
    answer(ctx, answer);
  }

  /** True for a verified ipa-admin token; otherwise answers 401 or 403 and returns false. */
  private boolean admin(RoutingContext ctx) {
    String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      ProblemWriter.send(ctx, Problems.unauthorized(), challenge());
      return false;
    }
    JsonWebToken token;
    try {
      token = tokens.parse(authorization.substring(BEARER.length()).strip());
    } catch (ParseException e) {
      ProblemWriter.send(ctx, Problems.unauthorized(), challenge());
      return false;
    }
    if (token.getGroups() == null || !token.getGroups().contains(Roles.IPA_ADMIN)) {
      ProblemWriter.send(ctx, Problems.forbidden(), null);
      return false;
    }
    return true;
  }

  private static MultiMap challenge() {
    return MultiMap.caseInsensitiveMultiMap().add("WWW-Authenticate", "Bearer");
  }

  private void answer(RoutingContext ctx, Object body) {
    try {
      ctx.response()
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
          .end(json.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException("records of strings and numbers always serialise", e);
    }
  }
}
