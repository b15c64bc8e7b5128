package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.DevJwtResource;
import jp.riss.platform.testing.RepoPaths;
import org.junit.jupiter.api.Test;

/**
 * The API portal is served by the gateway from its own origin only: the pages, the renderers the
 * build vendored from tools/node's lock file, and the problem types generated from their one
 * source. (It is driven in a real browser by deploy's PortalE2EIT.)
 */
@QuarkusTest
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class PortalTest {

  private static final List<String> PAGES =
      List.of("index.html", "reference.html", "asyncapi.html", "problems.html");
  // Any absolute URL in a src or href: the portal must work with no internet.
  private static final Pattern FOREIGN = Pattern.compile("(?:src|href)=\"(?:https?:)?//");

  @Test
  void theRootAndThePortalPathLeadToThePortal() {
    given()
        .filter(Contracts.validator())
        .redirects()
        .follow(false)
        .get("/")
        .then()
        .statusCode(302)
        .header("Location", equalTo(Portal.PATH));
    given()
        .redirects()
        .follow(false)
        .get("/portal")
        .then()
        .statusCode(302)
        .header("Location", equalTo(Portal.PATH));
  }

  @Test
  void everyPageIsServedUnderAPolicyThatAllowsOnlyThisOrigin() {
    for (String page : PAGES) {
      given()
          .get(Portal.PATH + page)
          .then()
          .statusCode(200)
          .contentType(startsWith("text/html"))
          .header("Content-Security-Policy", startsWith("default-src 'none'; script-src 'self';"))
          .header("Content-Security-Policy", containsString("connect-src 'self'"))
          .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
          .header("Content-Security-Policy", not(containsString("http")))
          .header("Content-Security-Policy", not(containsString("unsafe-eval")))
          .header("X-Content-Type-Options", equalTo("nosniff"));
      String html = given().get(Portal.PATH + page).asString();
      Matcher foreign = FOREIGN.matcher(html);
      assertTrue(!foreign.find(), page + " loads from another origin: " + html);
    }
    given()
        .filter(Contracts.validator())
        .get(Portal.PATH)
        .then()
        .statusCode(200)
        .body(containsString("id=\"contract-list\""));
  }

  @Test
  void theRenderersAreTheVersionsTheLockFilePins() throws IOException {
    JsonNode tools =
        new ObjectMapper().readTree(RepoPaths.root().resolve("tools/node/package.json").toFile());
    String scalar = tools.path("devDependencies").path("@scalar/api-reference").asText();
    String yaml = tools.path("devDependencies").path("js-yaml").asText();
    given()
        .get(Portal.PATH + "vendor/scalar/VERSION")
        .then()
        .statusCode(200)
        .body(startsWith("@scalar/api-reference " + scalar + " "));
    given()
        .get(Portal.PATH + "vendor/js-yaml/VERSION")
        .then()
        .statusCode(200)
        .body(startsWith("js-yaml " + yaml + " "));
    given()
        .get(Portal.PATH + "vendor/scalar/standalone.js")
        .then()
        .statusCode(200)
        .contentType(containsString("javascript"))
        .body(containsString("createApiReference"));
    given()
        .get(Portal.PATH + "reference.html")
        .then()
        .body(containsString("<script src=\"vendor/scalar/standalone.js\"></script>"));
  }

  @Test
  void theProblemTypesAreServedAsAPageAndAsData() {
    given()
        .filter(Contracts.validator())
        .get(Portal.PATH + "problems.json")
        .then()
        .statusCode(200)
        .body("kinds.rate-limited.status", equalTo(429))
        .body("kinds.validation.status", equalTo(400))
        .body("kinds.upstream-unavailable.services", equalTo(List.of("gateway")));
    String page =
        given().get(Portal.PATH + "problems.html").then().statusCode(200).extract().asString();
    for (String kind : ProblemCatalogue.load().keySet()) {
      assertTrue(
          page.contains("<code>https://riss.example/problems/" + kind + "</code>"),
          "the problem types page lists " + kind);
    }
  }

  @Test
  void aPortalPageThatDoesNotExistIsNotFound() {
    given().get(Portal.PATH + "nope.html").then().statusCode(404);
  }
}
