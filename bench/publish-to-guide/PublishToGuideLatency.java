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
 * draft, publish it, and poll the guide until it lists it. Latency = from sending the publish
 * request to the first guide answer that contains the listing. Runs against the local stack.
 *
 * <p>usage: java PublishToGuideLatency.java <gatewayUrl> <specialistToken> <reviewerToken> [n]
 */
public class PublishToGuideLatency {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  public static void main(String[] args) throws Exception {
    String gateway = args[0];
    String specialist = args[1];
    String reviewer = args[2];
    int n = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<Double> latencies = new ArrayList<>();
    int theme = 1 + ThreadLocalRandom.current().nextInt(5);
    String prefecture = String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(47));
    for (int i = 0; i < n; i++) {
      String number = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
      String body =
          "{\"registrationNumber\":\"" + number + "\",\"displayName\":\"計測 " + i
              + "\",\"prefectures\":[\"" + prefecture + "\"],\"themes\":[" + theme + "]}";
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
      long start = System.nanoTime();
      HttpResponse<String> published =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(gateway + "/api/v1/active-list/listings/" + id + "/publish"))
                  .header("Authorization", "Bearer " + reviewer)
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (published.statusCode() != 200) {
        throw new IllegalStateException("publish: " + published.statusCode());
      }
      URI guide =
          URI.create(
              gateway + "/api/v1/guide/specialists?limit=100&theme=" + theme + "&prefecture="
                  + prefecture);
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
        "publish -> guide read model, %d listings through the gateway: median %.1f ms, p90 %.1f ms,"
            + " max %.1f ms, min %.1f ms%n",
        n, median, latencies.get((int) Math.ceil(n * 0.9) - 1), latencies.get(n - 1),
        latencies.get(0));
  }

  private static void pollPause() {
    // Poll again in 5 ms: fine enough to resolve the latency, light enough on 2 cores.
    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
  }
}
