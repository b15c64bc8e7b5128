import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 500 members register at the same moment for a 50-seat event, through the gateway. Prints how many
 * were confirmed, waitlisted and refused (must be exactly 50 / 450 / 0), the latency p50/p99 of
 * the registrations, and checks the camp office's list: 50 confirmed first, then waitlist
 * positions 1..450 in arrival order.
 *
 * <p>Set-up (not timed): one completion import of 500 adults, each enrolling with the code from the
 * dev mailbox; one event, opened. Tokens are signed here with the local stack's public dev key.
 *
 * <p>usage: java EventRegistrationBench.java <gateway-url> <dev-private.pem>
 */
public class EventRegistrationBench {

  static final int MEMBERS = 500;
  static final int CAPACITY = 50;
  static final Pattern CODE = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
  static final String API = "/api/v1/community";

  static String base;
  static PrivateKey key;
  static final HttpClient HTTP = HttpClient.newBuilder().build();

  public static void main(String[] args) throws Exception {
    base = args[0];
    key = readKey(Path.of(args[1]));
    String run = UUID.randomUUID().toString().substring(0, 8);
    String office = token("camp-office", "bench-camp-office");

    long setup = System.nanoTime();
    StringBuilder rows = new StringBuilder("{\"rows\":[");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    for (int i = 0; i < MEMBERS; i++) {
      String ref = "bench-" + run + "-" + i;
      rows.append(i == 0 ? "" : ",")
          .append(
              String.format(
                  "{\"rowKey\":\"%s\",\"personRef\":\"%s\",\"fullName\":\"ベンチ %d\","
                      + "\"email\":\"%s@bench.example.jp\",\"dateOfBirth\":\"%s\","
                      + "\"programme\":\"national\",\"fiscalYear\":2020,\"verified\":true}",
                  ref, ref, i, ref, today.minusYears(20 + i % 30).minusDays(40)));
    }
    rows.append("]}");
    expect(200, send("POST", API + "/completion-imports", office, rows.toString()), "import");
    List<String> subjects = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<?>> enrolments = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      int n = i;
      enrolments.add(
          pool.submit(
              () -> {
                String ref = "bench-" + run + "-" + n;
                String mail =
                    send(
                            "GET",
                            API + "/dev/mailbox?to="
                                + URLEncoder.encode(ref + "@bench.example.jp", StandardCharsets.UTF_8),
                            office,
                            null)
                        .body();
                Matcher m = CODE.matcher(mail);
                if (!m.find()) {
                  throw new IllegalStateException("no enrolment code for " + ref + ": " + mail);
                }
                String subject = "bench-alumni-" + run + "-" + n;
                expect(
                    200,
                    send(
                        "POST",
                        API + "/alumni/me/enrolment",
                        token("alumni", subject),
                        "{\"code\":\"" + m.group() + "\"}"),
                    "enrolment");
                subjects.add(subject);
                return null;
              }));
    }
    for (Future<?> f : enrolments) {
      f.get();
    }
    pool.shutdown();
    OffsetDateTime start =
        OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(30).truncatedTo(ChronoUnit.HOURS);
    DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    String event =
        String.format(
            "{\"kind\":\"workshop\",\"title\":\"ベンチマーク ワークショップ %s\",\"format\":\"online\","
                + "\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"capacity\":%d,\"waitlistLength\":%d,"
                + "\"registrationOpensAt\":\"%s\",\"registrationClosesAt\":\"%s\","
                + "\"audience\":{\"minAgeBand\":\"adult\"}}",
            run,
            start.format(f),
            start.plusHours(3).format(f),
            CAPACITY,
            MEMBERS,
            OffsetDateTime.now(ZoneOffset.ofHours(9)).minusHours(1).truncatedTo(ChronoUnit.SECONDS).format(f),
            start.minusDays(1).format(f));
    HttpResponse<String> created = send("POST", API + "/events", office, event);
    expect(201, created, "event");
    String eventId = field(created.body(), "id");
    String etag = created.headers().firstValue("ETag").orElseThrow();
    HttpRequest open =
        request("POST", API + "/events/" + eventId + "/opening", office, null)
            .header("If-Match", etag)
            .build();
    expect(200, HTTP.send(open, HttpResponse.BodyHandlers.ofString()), "opening");
    System.out.printf(
        "set-up: %d members enrolled, event %s (capacity %d, waitlist %d) in %.1f s%n",
        subjects.size(), eventId, CAPACITY, MEMBERS, (System.nanoTime() - setup) / 1e9);

    // Tokens and requests are ready before the clock starts; then all 500 go at once.
    List<HttpRequest> requests = new ArrayList<>();
    for (String subject : subjects) {
      requests.add(
          request("POST", API + "/events/" + eventId + "/registrations", token("alumni", subject), "{}")
              .build());
    }
    long[] latency = new long[requests.size()];
    String[] outcome = new String[requests.size()];
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    long all = System.nanoTime();
    for (int i = 0; i < requests.size(); i++) {
      int n = i;
      long sent = System.nanoTime();
      calls.add(
          HTTP.sendAsync(requests.get(i), HttpResponse.BodyHandlers.ofString())
              .handle(
                  (response, error) -> {
                    latency[n] = System.nanoTime() - sent;
                    outcome[n] =
                        error != null
                            ? "error: " + error
                            : response.statusCode() == 201
                                ? field(response.body(), "state")
                                : "HTTP " + response.statusCode() + " " + response.body();
                    return null;
                  }));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    double wall = (System.nanoTime() - all) / 1e9;
    int confirmed = 0;
    int waitlisted = 0;
    List<String> errors = new ArrayList<>();
    for (String o : outcome) {
      if ("confirmed".equals(o)) {
        confirmed++;
      } else if ("waitlisted".equals(o)) {
        waitlisted++;
      } else {
        errors.add(o);
      }
    }
    long[] sorted = latency.clone();
    java.util.Arrays.sort(sorted);
    System.out.printf(
        "registrations: %d sent at once, all answered in %.2f s%n", requests.size(), wall);
    System.out.printf(
        "confirmed %d / waitlisted %d / errors %d%n", confirmed, waitlisted, errors.size());
    System.out.printf(
        "latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
        percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
    errors.stream().limit(5).forEach(e -> System.out.println("  " + e));

    // The camp office's list, in arrival order: the first 50 confirmed, then waitlist 1..450.
    String list =
        send("GET", API + "/events/" + eventId + "/registrations?limit=1000", office, null).body();
    Matcher states = Pattern.compile("\"state\":\"([a-z]+)\"").matcher(list);
    Matcher positions = Pattern.compile("\"waitlistPosition\":(null|[0-9]+)").matcher(list);
    int row = 0;
    boolean ordered = true;
    while (states.find() && positions.find()) {
      String expectedState = row < CAPACITY ? "confirmed" : "waitlisted";
      String expectedPosition = row < CAPACITY ? "null" : Integer.toString(row - CAPACITY + 1);
      if (!states.group(1).equals(expectedState)
          || (!positions.group(1).equals(expectedPosition)
              && !(row < CAPACITY && positions.group(1).equals("null")))) {
        ordered = false;
      }
      row++;
    }
    boolean met = confirmed == CAPACITY && waitlisted == MEMBERS - CAPACITY && errors.isEmpty();
    System.out.printf(
        "camp office's list: %d rows, confirmed first then waitlist 1..%d in arrival order: %s%n",
        row, MEMBERS - CAPACITY, ordered && row == MEMBERS ? "yes" : "NO");
    System.out.println(
        "target 50 / 450 / 0: " + (met && ordered && row == MEMBERS ? "met" : "MISSED"));
    if (!(met && ordered && row == MEMBERS)) {
      System.exit(1);
    }
  }

  static double percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : null;
  }

  static HttpRequest.Builder request(String method, String path, String token, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
  }

  static HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return HTTP.send(request(method, path, token, body).build(), HttpResponse.BodyHandlers.ofString());
  }

  static void expect(int status, HttpResponse<String> response, String what) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          what + ": HTTP " + response.statusCode() + " " + response.body());
    }
  }

  /** A development JWT, as deploy/local/token makes it (RS256, dev key, one hour). */
  static String token(String role, String subject) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    String payload =
        String.format(
            "{\"iss\":\"https://idp.riss.local\",\"aud\":\"riss-platform\",\"sub\":\"%s\","
                + "\"upn\":\"%s\",\"groups\":[\"%s\"],\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}",
            subject, subject, role, now, now + 3600, UUID.randomUUID());
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input =
        b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64.encodeToString(rsa.sign());
  }

  static PrivateKey readKey(Path pem) throws Exception {
    String text =
        Files.readString(pem)
            .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
  }
}
