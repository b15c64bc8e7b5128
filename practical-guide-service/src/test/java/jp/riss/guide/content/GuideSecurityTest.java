package jp.riss.guide.content;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import jp.riss.platform.testing.PublicReadChecks;

/** The guide's content and resources are public reads; see {@link PublicReadChecks}. */
@QuarkusTest
class GuideSecurityTest extends PublicReadChecks {

  @Override
  protected List<String> publicPaths() {
    return List.of(
        "/api/v1/guide/versions",
        "/api/v1/guide/versions/beta-2025-05",
        "/api/v1/guide/versions/beta-2025-05/steps",
        "/api/v1/guide/versions/beta-2025-05/steps/3",
        "/api/v1/guide/versions/beta-2025-05/elements?kind=glossary",
        "/api/v1/guide/versions/beta-2025-05/elements/step4.measure.risk-analysis",
        "/api/v1/guide/versions/current/diff?from=beta-2025-05",
        "/api/v1/guide/exams",
        "/api/v1/guide/scheme-relations",
        "/api/v1/guide/support-offers",
        "/api/v1/guide/glossary",
        "/api/v1/guide/cases",
        "/api/v1/guide/search?q=%E7%9B%A3%E6%9F%BB",
        "/api/v1/guide/resources",
        "/api/v1/guide/resources/3",
        "/api/v1/guide/instruments",
        "/api/v1/guide/instruments/sme-self-check/versions/2025-1");
  }
}
