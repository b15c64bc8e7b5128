package jp.riss.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The page a certifier's one-time link opens ({@code ATTESTATION_LINK_BASE#token=…}): static HTML
 * and a script, no framework, no third-party origin. The script reads the token from the fragment
 * and calls the deemed-attendance attestation API through this same gateway, so the page needs no
 * CORS and the token never appears in a URL a server sees.
 *
 * <p>Deemed attendance writes the links; only the gateway knows what it serves. So the gateway is
 * given the same {@code ATTESTATION_LINK_BASE} and refuses to start when its path is not this page:
 * a mistyped base fails the deployment instead of mailing certifiers a dead link.
 */
@ApplicationScoped
public class AttestationPage {

  public static final String PATH = "/deemed-attendance/attest";
  static final String SCRIPT = PATH + "/attest.js";

  // Nothing but this origin: the page shows personal data and handles a live token.
  private static final String POLICY =
      "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline';"
          + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  @ConfigProperty(
      name = "riss.attestation-page.link-base",
      defaultValue = "http://localhost:8080" + PATH)
  String linkBase;

  void init(@Observes Router router) {
    check(linkBase);
    Buffer html = StaticResource.load("attestation-page/index.html");
    Buffer script = StaticResource.load("attestation-page/attest.js");
    router.get(PATH).handler(ctx -> send(ctx, html, "text/html; charset=utf-8"));
    router.get(SCRIPT).handler(ctx -> send(ctx, script, "text/javascript; charset=utf-8"));
  }

  /**
   * Fails unless {@code linkBase} is an absolute http(s) URL without query or fragment whose path
   * is the page this gateway serves.
   */
  static void check(String linkBase) {
    URI uri;
    try {
      uri = new URI(linkBase);
    } catch (URISyntaxException e) {
      throw notServed(linkBase, "it is not a URL");
    }
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw notServed(linkBase, "it is not an absolute http(s) URL");
    }
    if (uri.getHost() == null) {
      throw notServed(linkBase, "it has no host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw notServed(linkBase, "it has a query or fragment (the token is appended as #token=)");
    }
    if (!PATH.equals(uri.getPath())) {
      throw notServed(linkBase, "its path is not " + PATH);
    }
  }

  private static IllegalStateException notServed(String linkBase, String why) {
    return new IllegalStateException(
        "ATTESTATION_LINK_BASE="
            + linkBase
            + " is not served by this gateway: "
            + why
            + ". The gateway serves the certifiers' attestation page at "
            + PATH
            + "; give the gateway and deemed-attendance-service the same base.");
  }

  private static void send(RoutingContext ctx, Buffer body, String type) {
    ctx.response()
        .putHeader("Content-Type", type)
        .putHeader("Content-Security-Policy", POLICY)
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Cache-Control", "no-cache")
        .end(body);
  }
}
