import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times IPA registry imports of 50,000 specialists against a running active-list-service: a first
 * import (all created), re-imports of the same records as JSON lines and as CSV (all unchanged), and
 * an import changing 5% of the rows, 50 of them making published listings fail a criterion. The
 * caller (run) seeds published listings for every 50th number (100000, 100050, …).
 *
 * <p>usage: java RegistryImportBench.java <base-url> <ipa-admin token>
 */
public class RegistryImportBench {

  static final int RECORDS = 50_000;
  static final int FIRST = 100_000;
  static final LocalDate TODAY = LocalDate.now();

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String token = args[1];
    HttpClient http = HttpClient.newHttpClient();
    String ndjson = ndjson(0);
    String csv = csv();
    String changed = ndjson(1);
    System.out.printf(
        "files: JSON lines %.1f MB, CSV %.1f MB, %d records each; 1,000 published listings among them%n",
        ndjson.length() / 1e6, csv.length() / 1e6, RECORDS);
    double first = run(http, base, token, "first import (JSON lines)", "application/x-ndjson", ndjson);
    double again = run(http, base, token, "re-import, same file (JSON lines)", "application/x-ndjson", ndjson);
    double csvAgain = run(http, base, token, "re-import, same records (CSV)", "text/csv", csv);
    double fivePercent = run(http, base, token, "import changing 5% (JSON lines)", "application/x-ndjson", changed);
    double worst = Math.max(Math.max(first, again), Math.max(csvAgain, fivePercent));
    System.out.printf("slowest %.2f s — target ≤ 30 s: %s%n", worst, worst <= 30 ? "met" : "MISSED");
  }

  static double run(HttpClient http, String base, String token, String what, String type, String body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/active-list/registry-imports"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    double seconds = (System.nanoTime() - start) / 1e9;
    if (response.statusCode() != 201) {
      throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
    }
    String r = response.body();
    System.out.printf(
        "%-36s %6.2f s (server %5d ms)  created %5d  updated %5d  unchanged %5d  rejected %d  suspended %d%n",
        what, seconds, num(r, "durationMs"), num(r, "created"), num(r, "updated"),
        num(r, "unchanged"), num(r, "rejected"), count(r, "\"listingId\""));
    return seconds;
  }

  /** variant 0: every record valid; 1: every 20th changed, every 1000th with an overdue course. */
  static String ndjson(int variant) {
    StringBuilder out = new StringBuilder(RECORDS * 280);
    for (int i = 0; i < RECORDS; i++) {
      boolean changed = variant == 1 && i % 20 == 0;
      boolean overdue = variant == 1 && i % 1000 == 0;
      out.append("{\"registrationNumber\":\"").append(FIRST + i)
          .append("\",\"registeredOn\":\"2019-04-01\",\"cycleStart\":\"")
          .append(TODAY.minusYears(1))
          .append("\",\"expiresOn\":\"")
          .append(TODAY.plusYears(2).plusDays(changed ? 1 : 0))
          .append("\",\"registrationStatus\":\"VALID\",\"onlineCourseStatus\":\"")
          .append(overdue ? "OVERDUE" : "COMPLETED")
          .append(overdue ? "\"" : "\",\"onlineCourseCompletedOn\":\"" + TODAY.minusMonths(6) + "\"")
          .append(",\"practicalCourseStatus\":\"COMPLETED\",\"practicalCourseCompletedOn\":\"")
          .append(TODAY.minusMonths(3))
          .append("\"}\n");
    }
    return out.toString();
  }

  static String csv() {
    StringBuilder out = new StringBuilder(RECORDS * 120);
    out.append("registrationNumber,registeredOn,cycleStart,expiresOn,registrationStatus,")
        .append("onlineCourseStatus,onlineCourseCompletedOn,practicalCourseStatus,practicalCourseCompletedOn\n");
    for (int i = 0; i < RECORDS; i++) {
      out.append(FIRST + i).append(",2019-04-01,").append(TODAY.minusYears(1)).append(',')
          .append(TODAY.plusYears(2)).append(",VALID,COMPLETED,").append(TODAY.minusMonths(6))
          .append(",COMPLETED,").append(TODAY.minusMonths(3)).append('\n');
    }
    return out.toString();
  }

  static long num(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  static int count(String json, String needle) {
    int n = 0;
    for (int i = json.indexOf(needle); i >= 0; i = json.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
