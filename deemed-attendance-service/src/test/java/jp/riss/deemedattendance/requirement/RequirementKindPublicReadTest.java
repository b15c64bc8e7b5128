package jp.riss.deemedattendance.requirement;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import jp.riss.deemedattendance.DeemedAttendanceApi;
import jp.riss.platform.testing.PublicReadChecks;

/**
 * The requirement kinds are the scheme's public rules, readable without a token like the syllabus;
 * see {@link PublicReadChecks}.
 */
@QuarkusTest
class RequirementKindPublicReadTest extends PublicReadChecks {

  @Override
  protected List<String> publicPaths() {
    return List.of(
        DeemedAttendanceApi.KINDS,
        DeemedAttendanceApi.KINDS + "/" + DeemedAttendanceApi.ONLINE,
        DeemedAttendanceApi.KINDS + "/" + DeemedAttendanceApi.PRACTICAL);
  }
}
