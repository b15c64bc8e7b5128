package jp.riss.gateway;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The API portal: where a person reads the contracts. Its pages are static files
 * (META-INF/resources/portal, served by Quarkus with a strict Content-Security-Policy, see
 * application.properties); the renderers and the problem types page are put there by the build
 * (src/main/portal/build.mjs). The gateway's root leads to it.
 */
@ApplicationScoped
public class Portal {

  static final String PATH = "/portal/";

  void init(@Observes Router router) {
    router.get("/").handler(ctx -> ctx.redirect(PATH));
    // A plain path route would also match "/portal/" (Vert.x ignores a trailing slash) and loop.
    router.getWithRegex("/portal").handler(ctx -> ctx.redirect(PATH));
  }
}
