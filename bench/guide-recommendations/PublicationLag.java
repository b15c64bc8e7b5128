import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publish -> guide read model latency through the gateway: for each of N listings, create a
 * draft that meets the listing criteria (registry record imported, ethics pledge accepted),
 * submit it, have IPA approve it, and poll the guide until it lists it. Latency = from sending the
 * approval to the first guide answer that contains the listing. Runs against the local stack.
 *
 * <p>usage: java PublishToGuideLatency.java <gatewayUrl> <specialistToken> <reviewerToken>
 * <adminToken> [n] [theme prefecture guidePath]
 *
 * <p>With the last three, every listing declares that theme and prefecture and the guide is polled
 * at {@code guidePath} (e.g. the closers of a gap, bench/guide-recommendations) instead of its
 * specialist list.
 */
public class PublishToGuideLatency {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  public static void main(String[] args) throws Exception {
    String gateway = args[0];
    String specialist = args[1];
    String reviewer = args[2];
    String admin = args[3];
    int n = args.length > 4 ? Integer.parseInt(args[4]) : 50;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<Double> latencies = new ArrayList<>();
    boolean given = args.length > 7;
    int theme = given ? Integer.parseInt(args[5]) : 1 + ThreadLocalRandom.current().nextInt(5);
    String prefecture =
        given ? args[6] : String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(47));
    for (int i = 0; i < n; i++) {
      String number = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
      String body =
          "{\"registrationNumber\":\"" + number + "\",\"selfDeclared\":{\"displayName\":\"計測 " + i
              + "\",\"affiliation\":{\"kind\":\"INDEPENDENT\"},\"availability\":{\"status\":"
              + "\"ACCEPTING\"},\"formats\":[{\"format\":\"online\",\"feePerSessionJpy\":10000}],"
              + "\"prefectures\":[\"" + prefecture + "\"],\"themes\":[" + theme + "]}}";
      HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder(URI.create(gateway + "/api/v1/active-list/listings"))
                  .header("Authorization", "Bearer " + specialist)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (created.statusCode() == 409) {
        i--;
        continue; // registration number already taken by an earlier run: draw another
      }
      if (created.statusCode() != 201) {
        throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
      }
      Matcher m = ID.matcher(created.body());
      m.find();
      String id = m.group(1);
      String listing = gateway + "/api/v1/active-list/listings/" + id;
      post(http, gateway + "/api/v1/active-list/registry-imports", admin, "application/x-ndjson",
          registryRecord(number), 201);
      post(http, listing + "/ethics-pledge", specialist, "application/json",
          "{\"version\":\"" + pledgeVersion(http, gateway) + "\"}", 200);
      post(http, listing + "/submit", specialist, null, null, 200);
      long start = System.nanoTime();
      post(http, listing + "/approve", reviewer, null, null, 200);
      URI guide =
          URI.create(
              gateway
                  + (given
                      ? args[7]
                      : "/api/v1/guide/specialists?limit=100&theme=" + theme + "&prefecture="
                          + prefecture));
      long deadline = start + Duration.ofSeconds(10).toNanos();
      while (true) {
        String listed =
            http.send(HttpRequest.newBuilder(guide).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        if (listed.contains(id)) {
          latencies.add((System.nanoTime() - start) / 1e6);
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("listing " + id + " not in the guide after 10 s");
        }
        pollPause();
      }
      // Keep the guide's answer small for the next round: withdraw what was measured.
      http.send(
          HttpRequest.newBuilder(
                  URI.create(gateway + "/api/v1/active-list/listings/" + id + "/withdraw"))
              .header("Authorization", "Bearer " + specialist)
              .POST(HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }
    Collections.sort(latencies);
    double median =
        n % 2 == 1
            ? latencies.get(n / 2)
            : (latencies.get(n / 2 - 1) + latencies.get(n / 2)) / 2;
    System.out.printf(
        "approve (publish) -> guide read model, %d listings through the gateway: median %.1f ms, p90 %.1f ms,"
            + " p99 %.1f ms, max %.1f ms, min %.1f ms%n",
        n, median, latencies.get((int) Math.ceil(n * 0.9) - 1),
        latencies.get((int) Math.ceil(n * 0.99) - 1), latencies.get(n - 1), latencies.get(0));
  }

  private static void post(
      HttpClient http, String url, String token, String type, String body, int expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    if (type != null) {
      request.header("Content-Type", type);
    }
    request.POST(
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
    }
  }

  private static String pledgeVersion(HttpClient http, String gateway) throws Exception {
    String pledge =
        http.send(
                HttpRequest.newBuilder(URI.create(gateway + "/api/v1/active-list/ethics-pledge"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(pledge);
    m.find();
    return m.group(1);
  }

  /** What IPA's registry says of a specialist who meets every listing criterion. */
  private static String registryRecord(String number) {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    return "{\"registrationNumber\":\"" + number + "\",\"registeredOn\":\"2020-04-01\","
        + "\"cycleStart\":\"" + today.minusYears(1) + "\",\"expiresOn\":\"" + today.plusYears(2)
        + "\",\"registrationStatus\":\"VALID\",\"onlineCourseStatus\":\"COMPLETED\","
        + "\"onlineCourseCompletedOn\":\"" + today.minusMonths(6) + "\","
        + "\"practicalCourseStatus\":\"COMPLETED\",\"practicalCourseCompletedOn\":\""
        + today.minusMonths(3) + "\"}\n";
  }

  private static void pollPause() {
    // Poll again in 5 ms: fine enough to resolve the latency, light enough on 2 cores.
    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
  }
}
