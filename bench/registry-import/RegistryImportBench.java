import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times IPA registry imports of 50,000 specialists at the registry's one owner, the
 * deemed-attendance service (POST /api/v1/deemed-attendance/imports/cycles, 1,000 records per
 * call): a first import (all created, 50,000 registration events written to the outbox), the same
 * records again (all unchanged, nothing published), and an import in which 5% of the registrations
 * are suspended (2,500 updated and published).
 *
 * <p>usage: java RegistryImportBench.java <base-url> <ipa-admin token>
 */
public class RegistryImportBench {

  static final int RECORDS = 50_000;
  static final int BATCH = 1_000;
  static final int FIRST = 100_000;
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String token = args[1];
    HttpClient http = HttpClient.newHttpClient();
    System.out.printf(
        "%d registrations in calls of %d records (JSON, about %.0f kB each)%n",
        RECORDS, BATCH, batch(0, false).length() / 1e3);
    double first = run(http, base, token, "first import (all created)", false);
    double again = run(http, base, token, "same records again (unchanged)", false);
    double suspend = run(http, base, token, "5% suspended (2,500 updated)", true);
    double worst = Math.max(first, Math.max(again, suspend));
    System.out.printf("slowest %.2f s for 50,000 rows — target ≤ 30 s: %s%n", worst, worst <= 30 ? "met" : "MISSED");
  }

  /** Every batch of the 50,000, one after another; answers the total seconds. */
  static double run(HttpClient http, String base, String token, String what, boolean suspend)
      throws Exception {
    long created = 0, updated = 0, unchanged = 0, rejected = 0;
    long start = System.nanoTime();
    for (int from = 0; from < RECORDS; from += BATCH) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + "/api/v1/deemed-attendance/imports/cycles"))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(batch(from, suspend)))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
      }
      String r = response.body();
      created += num(r, "created");
      updated += num(r, "updated");
      unchanged += num(r, "unchanged");
      rejected += num(r, "rejected");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%-34s %6.2f s  created %5d  updated %5d  unchanged %5d  rejected %d%n",
        what, seconds, created, updated, unchanged, rejected);
    return seconds;
  }

  /** Records from..from+BATCH; with suspend, every 20th registration is SUSPENDED. */
  static String batch(int from, boolean suspend) {
    StringBuilder out = new StringBuilder(BATCH * 150).append("{\"records\":[");
    for (int i = from; i < from + BATCH; i++) {
      if (i > from) {
        out.append(',');
      }
      out.append("{\"registrationNumber\":\"").append(FIRST + i)
          .append("\",\"specialistSubject\":\"bench-specialist-").append(i)
          .append("\",\"cycleStart\":\"").append(TODAY.minusDays(i % 1000))
          .append("\",\"registeredOn\":\"2019-10-01\"");
      if (suspend && i % 20 == 0) {
        out.append(",\"registrationStatus\":\"SUSPENDED\"");
      }
      out.append('}');
    }
    return out.append("]}").toString();
  }

  static long num(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}
