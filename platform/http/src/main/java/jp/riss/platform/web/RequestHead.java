package jp.riss.platform.web;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.riss.platform.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Judges the request line and headers before any route sees them: an over-long URI is a 414, an
 * over-large header block a 431, and a control character (C0 other than tab, CR, LF) in the path, a
 * query parameter or a header, or a second Host, a 400 naming where it is, all as problem details
 * with the request id. The HTTP codec's own limits are set far above these (see
 * microprofile-config.properties): what it refuses itself gets an empty answer, so ours must be the
 * ones that bite.
 */
@ApplicationScoped
public class RequestHead {

  @ConfigProperty(name = "riss.http.max-uri-length", defaultValue = "8K")
  MemorySize maxUriLength;

  @ConfigProperty(name = "riss.http.max-header-block", defaultValue = "16K")
  MemorySize maxHeaderBlock;

  void install(@Observes Router router) {
    router.route().order(HttpOrder.REQUEST_HEAD).handler(this::handle);
  }

  void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String uri = request.uri();
    if (uri.length() > maxUriLength.asLongValue()) {
      refuse(
          ctx,
          Problem.of(
              414,
              "uri-too-long",
              "URI too long",
              "The request target may be at most " + maxUriLength.asLongValue() + " bytes."));
      return;
    }
    // One pass over the headers for both their size and whether any holds a control character:
    // this runs on every request of every process (the gateway's included).
    long headerBlock = 0;
    boolean headerControls = false;
    int hosts = 0;
    for (Map.Entry<String, String> header : request.headers()) {
      // name ": " value CRLF, as on the wire
      headerBlock += header.getKey().length() + header.getValue().length() + 4;
      hosts += "Host".equalsIgnoreCase(header.getKey()) ? 1 : 0;
      headerControls |= Controls.present(header.getKey()) || Controls.present(header.getValue());
    }
    if (headerBlock > maxHeaderBlock.asLongValue()) {
      refuse(
          ctx,
          Problem.of(
              431,
              "header-fields-too-large",
              "Header fields too large",
              "The request headers may be at most " + maxHeaderBlock.asLongValue() + " bytes."));
      return;
    }
    // Nothing percent-encoded, no control character anywhere and one Host: the common case,
    // nothing to name.
    List<Problem.Violation> violations =
        headerControls || uriNeedsDecoding(uri) ? controlCharacters(request) : new ArrayList<>();
    if (hosts > 1) {
      // Two Hosts could route one way here and another way at whoever reads the other one.
      violations.add(new Problem.Violation("Host", "must be given once"));
    }
    if (!violations.isEmpty()) {
      ProblemWriter.send(
          ctx,
          Problem.of(400, "validation", "Invalid request", "One or more fields are invalid.")
              .withViolations(violations),
          null);
      return;
    }
    ctx.next();
  }

  /** Whether the URI may hide a control character: percent-encoded, or one in clear. */
  private static boolean uriNeedsDecoding(String uri) {
    return uri.indexOf('%') >= 0 || Controls.present(uri);
  }

  /** Where a control character hides: the path, each query parameter, each header. */
  static List<Problem.Violation> controlCharacters(HttpServerRequest request) {
    List<Problem.Violation> found = new ArrayList<>();
    String uri = request.uri();
    if (!uriNeedsDecoding(uri)) {
      // The common case: nothing percent-encoded, nothing to decode.
    } else {
      QueryStringDecoder decoded = new QueryStringDecoder(uri, StandardCharsets.UTF_8);
      try {
        if (Controls.present(decoded.path())) {
          found.add(violation("path"));
        }
        for (Map.Entry<String, List<String>> param : decoded.parameters().entrySet()) {
          if (Controls.present(param.getKey())
              || param.getValue().stream().anyMatch(Controls::present)) {
            found.add(violation(printable(param.getKey())));
          }
        }
      } catch (IllegalArgumentException malformed) {
        found.add(new Problem.Violation("path", "is not a well-formed URI"));
      }
    }
    MultiMap headers = request.headers();
    for (String name : headers.names()) {
      if (Controls.present(name) || headers.getAll(name).stream().anyMatch(Controls::present)) {
        found.add(violation(printable(name)));
      }
    }
    return found;
  }

  private static Problem.Violation violation(String field) {
    return new Problem.Violation(field, "must not contain control characters");
  }

  private static String printable(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : c);
    }
    return out.toString();
  }

  private void refuse(RoutingContext ctx, Problem problem) {
    // Nothing of the request is worth reading on: answer, then close once the client is done.
    ProblemWriter.send(
        ctx, problem, MultiMap.caseInsensitiveMultiMap().add(HttpHeaders.CONNECTION, "close"));
    Drain.rest(ctx.vertx(), ctx.request());
  }
}
