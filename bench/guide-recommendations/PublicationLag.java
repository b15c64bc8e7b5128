import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication on the Active List -> recommendation by the guide, through the gateway, as the real
 * path runs: IPA's registry record of each specialist goes in at its owner, the deemed-attendance
 * service (its event binds the number to the specialist's account at the Active List); then, per
 * sample, the specialist creates a listing for theme 1 in prefecture 47, accepts the ethics pledge
 * and submits it, IPA approves it (published), and the closers of gap basic-policy (theme 1) in 47
 * are polled until they recommend it. Lag = from sending the approval to the first closers answer
 * that lists it: Active List commit -> outbox -> Kafka -> guide inbox -> read model -> answer. The
 * listing is withdrawn before the next sample, so each one is alone in 47.
 *
 * <p>usage: java PublicationLag.java <gatewayUrl> <adminToken> <reviewerToken> <specialistsFile>
 *
 * <p>The specialists file has one line per sample: subject and token, separated by a space.
 */
public class PublicationLag {

  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  static final String CLOSERS = "/api/v1/guide/closers?gap=basic-policy&step=2&prefecture=47&seed=1";
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    String gateway = args[0];
    String admin = args[1];
    String reviewer = args[2];
    List<String[]> specialists =
        Files.readAllLines(Path.of(args[3])).stream().map(l -> l.split(" ", 2)).toList();
    int n = specialists.size();
    LocalDate start = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusYears(1);
    List<String> numbers = new ArrayList<>();
    StringBuilder cycles = new StringBuilder();
    StringBuilder courses = new StringBuilder();
    int base = 200_000 + ThreadLocalRandom.current().nextInt(690_000);
    for (int i = 0; i < n; i++) {
      String number = Integer.toString(base + i);
      numbers.add(number);
      cycles.append(i == 0 ? "" : ",").append("{\"registrationNumber\":\"").append(number)
          .append("\",\"specialistSubject\":\"").append(specialists.get(i)[0])
          .append("\",\"cycleStart\":\"").append(start).append("\",\"registeredOn\":\"2020-04-01\"}");
      courses.append(i == 0 ? "" : ",").append("{\"registrationNumber\":\"").append(number)
          .append("\",\"cycleStart\":\"").append(start)
          .append("\",\"requirementKind\":\"online-course\",\"courseName\":\"オンライン講習\","
              + "\"completedOn\":\"").append(start.plusDays(30)).append("\"}");
    }
    send(gateway + "/api/v1/deemed-attendance/imports/cycles", admin,
        "{\"records\":[" + cycles + "]}", 200);
    send(gateway + "/api/v1/deemed-attendance/imports/course-completions", admin,
        "{\"records\":[" + courses + "]}", 200);
    String pledge = find("\"version\"\\s*:\\s*\"([^\"]+)\"",
        HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/active-list/ethics-pledge"))
            .build(), HttpResponse.BodyHandlers.ofString()).body());

    List<Double> lags = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String token = specialists.get(i)[1];
      String body =
          "{\"registrationNumber\":\"" + numbers.get(i) + "\",\"selfDeclared\":{\"displayName\":"
              + "\"計測 遅延 " + i + "\",\"affiliation\":{\"kind\":\"INDEPENDENT\"},"
              + "\"availability\":{\"status\":\"ACCEPTING\"},\"formats\":[{\"format\":\"online\","
              + "\"feePerSessionJpy\":10000}],\"prefectures\":[\"47\"],\"themes\":[1]}}";
      // The registry's event binds the number to the account at the Active List: until it is
      // there, creating the listing is refused.
      String id = null;
      long bindBy = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (id == null) {
        HttpResponse<String> created = post(gateway + "/api/v1/active-list/listings", token, body);
        if (created.statusCode() == 201) {
          id = find(ID.pattern(), created.body());
        } else if (created.statusCode() != 403 || System.nanoTime() > bindBy) {
          throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
        } else {
          pause(50);
        }
      }
      String listing = gateway + "/api/v1/active-list/listings/" + id;
      send(listing + "/ethics-pledge", token, "{\"version\":\"" + pledge + "\"}", 200);
      send(listing + "/submit", token, null, 200);
      long approved = System.nanoTime();
      send(listing + "/approve", reviewer, null, 200);
      long deadline = approved + Duration.ofSeconds(10).toNanos();
      HttpRequest poll = HttpRequest.newBuilder(URI.create(gateway + CLOSERS)).build();
      while (!HTTP.send(poll, HttpResponse.BodyHandlers.ofString()).body().contains(id)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("listing " + id + " not recommended after 10 s");
        }
        pause(5);
      }
      lags.add((System.nanoTime() - approved) / 1e6);
      send(listing + "/withdraw", token, null, 200);
    }
    Collections.sort(lags);
    System.out.printf(
        "%d listings published: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms, min %.0f ms%n",
        n, pct(lags, 0.50), pct(lags, 0.90), pct(lags, 0.99), lags.get(n - 1), lags.get(0));
  }

  static double pct(List<Double> sorted, double q) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
  }

  static HttpResponse<String> post(String url, String token, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.POST(json == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void send(String url, String token, String json, int expected) throws Exception {
    HttpResponse<String> response = post(url, token, json);
    if (response.statusCode() != expected) {
      throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
    }
  }

  static String find(String pattern, String body) {
    Matcher m = Pattern.compile(pattern).matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("not in the answer: " + pattern + " in " + body);
    }
    return m.group(1);
  }

  static void pause(long millis) {
    java.util.concurrent.locks.LockSupport.parkNanos(millis * 1_000_000);
  }
}
