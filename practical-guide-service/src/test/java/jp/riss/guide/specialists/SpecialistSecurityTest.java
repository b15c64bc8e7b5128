package jp.riss.guide.specialists;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import jp.riss.platform.testing.PublicReadChecks;

/** The specialist list is public; see {@link PublicReadChecks} for what that promises. */
@QuarkusTest
class SpecialistSecurityTest extends PublicReadChecks {

  @Override
  protected List<String> publicPaths() {
    return List.of("/api/v1/guide/specialists", "/api/v1/guide/specialists?theme=1&prefecture=13");
  }
}
