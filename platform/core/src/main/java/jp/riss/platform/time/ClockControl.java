package jp.riss.platform.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.web.ProblemWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves a service's {@link MovableClock} from outside, for end-to-end tests of a running stack ("a
 * year later the company diagnoses again"). Only when {@value #FLAG} is true, and only on the
 * management interface, which neither the gateway nor an Ingress routes:
 *
 * <ul>
 *   <li>{@code GET /q/clock}: the service's now and its offset from real time;
 *   <li>{@code POST /q/clock} with {@code {"advance": "P1Y"}}: moves it forward (or back, with a
 *       negative amount) by an ISO-8601 period ({@code P1Y}, {@code P30D}) or duration ({@code
 *       PT2H}), at most 100 years either way in total;
 *   <li>{@code DELETE /q/clock}: back to real time.
 * </ul>
 *
 * With the flag off (the default, and always in production) no route is added, so {@code /q/clock}
 * is an unknown path.
 */
@ApplicationScoped
public class ClockControl {

  public static final String FLAG = "riss.clock.movable";
  public static final String PATH = "/q/clock";

  private static final Logger LOG = Logger.getLogger(ClockControl.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LIMIT = Duration.ofDays(36_525);

  @ConfigProperty(name = FLAG, defaultValue = "false")
  boolean enabled;

  @Inject Clock clock;

  void routes(@Observes ManagementInterface management) {
    if (!enabled) {
      return;
    }
    if (!(clock instanceof MovableClock movable)) {
      // A service with a clock of its own (not the platform's) cannot be moved from outside.
      LOG.warnf("%s=true but this service's clock is not movable; no %s", FLAG, PATH);
      return;
    }
    LOG.warnf("%s=true: the clock moves through %s on the management port", FLAG, PATH);
    management.router().get(PATH).handler(ctx -> state(ctx, movable));
    // The management router reads bodies itself (within quarkus.management.limits).
    management.router().post(PATH).handler(ctx -> advance(ctx, movable));
    management
        .router()
        .delete(PATH)
        .handler(
            ctx -> {
              movable.reset();
              LOG.info("clock reset to real time");
              state(ctx, movable);
            });
  }

  private void advance(RoutingContext ctx, MovableClock movable) {
    String text = advanceOf(ctx);
    if (text == null) {
      return;
    }
    Duration by;
    try {
      by = amount(text, movable);
    } catch (DateTimeException | ArithmeticException e) {
      refuse(ctx, "must be an ISO-8601 period (P1Y, P30D) or duration (PT2H)");
      return;
    }
    if (by.abs().compareTo(LIMIT) > 0 || movable.offset().plus(by).abs().compareTo(LIMIT) > 0) {
      refuse(ctx, "must leave the clock at most 100 years from real time");
      return;
    }
    movable.advance(by);
    LOG.infof("clock advanced by %s (now %s ahead of real time)", text, movable.offset());
    state(ctx, movable);
  }

  /** The {@code advance} member of the body, or null after answering 400. */
  private static String advanceOf(RoutingContext ctx) {
    JsonNode body;
    try {
      body =
          !ctx.body().available() || ctx.body().isEmpty()
              ? null
              : JSON.readTree(ctx.body().buffer().getBytes());
    } catch (IOException e) {
      ProblemWriter.send(ctx, Problems.malformed("the body is not JSON"), null);
      return null;
    }
    JsonNode advance = body == null ? null : body.get("advance");
    if (advance == null || !advance.isTextual() || advance.asText().length() > 40) {
      refuse(ctx, "is required: an ISO-8601 period or duration of at most 40 characters");
      return null;
    }
    return advance.asText();
  }

  /** A period counts in the clock's calendar from its current now (P1Y: same day next year). */
  private static Duration amount(String text, Clock clock) {
    if (text.toUpperCase(Locale.ROOT).contains("T")) {
      return Duration.parse(text);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    return Duration.between(now, now.plus(Period.parse(text)));
  }

  private static void refuse(RoutingContext ctx, String message) {
    ProblemWriter.send(
        ctx, Problems.validation(List.of(new Problem.Violation("advance", message))), null);
  }

  private static void state(RoutingContext ctx, MovableClock movable) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("now", OffsetDateTime.now(movable).toString());
    body.put("offset", movable.offset().toString());
    try {
      ctx.response()
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
          .end(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }
}
