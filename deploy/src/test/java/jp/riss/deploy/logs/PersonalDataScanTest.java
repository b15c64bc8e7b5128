package jp.riss.deploy.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.riss.platform.testing.RepoPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan finds each kind of planted datum, says where, and lets ordinary lines pass. */
class PersonalDataScanTest {

  private static final Path DEMO = RepoPaths.root().resolve("deploy/local/demo");

  @Test
  void theDemoDataYieldsNamesPhonesAndMailDomains() throws Exception {
    DemoPeople people = DemoPeople.read(DEMO);
    assertFalse(people.names().isEmpty());
    assertFalse(people.phones().isEmpty());
    assertFalse(people.mailDomains().isEmpty());
    String demo = Files.readString(DEMO.resolve("active-list-listings.json"));
    for (String name : people.names()) {
      assertFalse(name.isBlank(), name);
    }
    // Read, not made up: the listings file's display names are among them.
    assertTrue(people.names().stream().anyMatch(demo::contains), people.names().toString());
  }

  @Test
  void aPlantedDatumOfEachKindIsFoundWithFileAndLine(@TempDir Path dir) throws Exception {
    DemoPeople people = DemoPeople.read(DEMO);
    String name = people.names().iterator().next();
    String phone = people.phones().iterator().next();
    String domain = people.mailDomains().iterator().next();
    Path log = dir.resolve("service.log");
    Files.write(
        log,
        List.of(
            "21:00:01.123 INFO  [req-1] [j.r.a.l.Listings] (executor-thread-1) listing published",
            "21:00:02.000 WARN  [req-2] [j.r.p.i.InboxConsumers] handling failed for " + name,
            "{\"message\":\"mail to taro-17@" + domain + " failed\",\"mdc\":{\"requestId\":\"x\"}}",
            "21:00:03.000 INFO  [req-3] caller phone " + phone,
            "21:00:04.000 WARN  [req-4] bad row: dateOfBirth=2009-04-02",
            "21:00:05.000 DEBUG [req-5] token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0YXJvIn0.c2lnbmF0dXJl",
            "21:00:06.000 INFO  [-] mail <0f1e@riss.example.jp> from no-reply@riss.example.jp sent",
            "21:00:07.000 INFO  [-] import done: 20000 rows, 2026-12-05"));

    List<PersonalDataScan.Finding> found = new PersonalDataScan(people).scan(log);

    assertEquals(
        List.of(
            log + ":2: name of a demo person",
            log + ":3: e-mail address",
            log + ":4: phone number of a demo person",
            log + ":5: date of birth",
            log + ":6: bearer token"),
        found.stream().map(PersonalDataScan.Finding::toString).toList());
  }
}
