package jp.riss.community.connect;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@code community.connect-application.v1}: a Camp Connect application was decided
 * (accepted, rejected, reserve), a place was offered to a reserve, taken, declined, or the
 * application withdrawn. Tells others (notifications, the presentation events' planners) how places
 * stand without any personal data: no member id, name, school or statement. Schema: {@code
 * events/community.connect-application.v1.schema.json}.
 */
public record ConnectApplicationChanged(
    UUID applicationId,
    UUID callId,
    UUID themeId,
    String themeCode,
    String change,
    Integer rank,
    int themePlacesTaken,
    int themeCapacity,
    int callPlacesTaken,
    int callCapacity,
    OffsetDateTime at) {

  public static final String TOPIC = "community.connect-application.v1";
  public static final String SCHEMA = "community.connect-application.v1";
  public static final String TYPE_PREFIX = "jp.riss.community.connect-application-";
}
