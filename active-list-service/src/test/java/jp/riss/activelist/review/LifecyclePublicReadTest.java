package jp.riss.activelist.review;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import jp.riss.platform.testing.PublicReadChecks;

/** The listing criteria and the ethics pledge are public; see {@link PublicReadChecks}. */
@QuarkusTest
class LifecyclePublicReadTest extends PublicReadChecks {

  @Override
  protected List<String> publicPaths() {
    return List.of("/api/v1/active-list/listing-criteria", "/api/v1/active-list/ethics-pledge");
  }
}
