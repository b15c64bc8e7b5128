package jp.riss.activelist.reference;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import jp.riss.platform.testing.PublicReadChecks;

/** Reference data is public; see {@link PublicReadChecks} for what that promises. */
@QuarkusTest
class ReferenceDataSecurityTest extends PublicReadChecks {

  @Override
  protected List<String> publicPaths() {
    return List.of(
        "/api/v1/active-list/reference/prefectures",
        "/api/v1/active-list/reference/themes",
        "/api/v1/active-list/reference/industries",
        "/api/v1/active-list/reference/engagement-lengths",
        "/api/v1/active-list/reference/formats",
        "/api/v1/active-list/reference/qualifications",
        "/api/v1/active-list/reference/syllabus-items");
  }
}
