package jp.riss.activelist.verification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.testing.EventSender;

/** Sends the deemed-attendance service's decisions to the real broker, as that service does. */
public final class DeemedAttendanceEvents {

  private DeemedAttendanceEvents() {}

  /** An approval of a deemed-attendance application for the registration number, decided now. */
  public static void approved(String registrationNumber) {
    try (EventSender sender = new EventSender()) {
      UUID application = UUID.randomUUID();
      CloudEvent approved =
          EventSource.of("deemed-attendance-service")
              .create(
                  DeemedAttendanceDecision.APPROVED,
                  application.toString(),
                  "deemedattendance.application.v1",
                  new DeemedAttendanceDecision(
                      application,
                      registrationNumber,
                      "practical-course",
                      LocalDate.now().minusYears(1),
                      LocalDate.now().plusYears(2),
                      OffsetDateTime.now(),
                      null));
      sender.send(DeemedAttendanceDecision.TOPIC, approved.subject(), EventJson.write(approved));
    }
  }
}
