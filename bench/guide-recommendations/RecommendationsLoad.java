import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What companies do with the guide, through the gateway: N connections in a closed loop, each a
 * company (its own token) with its own organisation in one of the prefectures 01-46. Every turn
 * submits a diagnosis (a full answer set of the current instrument, mostly "yes" with some
 * "partly", "no" and "don't know", so a realistic handful of gaps), reads its gaps with their
 * closers (specialists in the organisation's prefecture included), and follows the first gap's
 * closers link as the guide's page does when the company looks at one gap. Prints count, p50 and
 * p99 per kind of request and for all of them; any answer other than the expected one fails the
 * run.
 *
 * <p>usage: java RecommendationsLoad.java <gatewayUrl> <tokenFile> <seconds> <warmupSeconds>
 * <instrument> <version> <itemIds,...>
 *
 * <p>The token file has one company token per line, one connection each.
 */
public class RecommendationsLoad {

  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  static final Pattern MORE = Pattern.compile("\"more\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern GAP = Pattern.compile("\"gapCode\"\\s*:");
  static final Pattern SPECIALIST = Pattern.compile("\"match\"\\s*:\\s*\"prefecture\"");
  static final String[] KINDS = {"submit diagnosis", "gaps with closers", "closers of a gap"};

  public static void main(String[] args) throws Exception {
    String gateway = args[0];
    List<String> tokens = Files.readAllLines(Path.of(args[1]));
    long seconds = Long.parseLong(args[2]);
    long warmup = Long.parseLong(args[3]);
    String instrument = args[4];
    String version = args[5];
    String[] items = args[6].split(",");
    int connections = tokens.size();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(2))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    // Set-up, not measured: one organisation per company.
    String[] organisations = new String[connections];
    for (int c = 0; c < connections; c++) {
      String body =
          "{\"name\":\"計測 " + c + "\",\"prefecture\":\"" + String.format("%02d", 1 + c % 46)
              + "\",\"jsicDivision\":\"E\",\"employeeBand\":\"21-50\","
              + "\"securityStaff\":{\"concurrent\":1,\"dedicated\":0},\"statisticsConsent\":true}";
      HttpResponse<String> created =
          http.send(post(gateway + "/api/v1/guide/organisations", tokens.get(c), body), text());
      if (created.statusCode() != 201) {
        throw new IllegalStateException("organisation: " + created.statusCode() + " " + created.body());
      }
      organisations[c] = find(ID, created.body());
    }
    long measureFrom = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
    long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
    long[][][] latencies = new long[KINDS.length][connections][];
    AtomicLong failures = new AtomicLong();
    AtomicLong diagnoses = new AtomicLong();
    AtomicLong gaps = new AtomicLong();
    AtomicLong local = new AtomicLong();
    AtomicLong gapsBytes = new AtomicLong();
    CountDownLatch done = new CountDownLatch(connections);
    for (int c = 0; c < connections; c++) {
      int id = c;
      new Thread(
              () -> {
                SplittableRandom random = new SplittableRandom(id);
                long[][] mine = new long[KINDS.length][1 << 12];
                int[] n = new int[KINDS.length];
                String token = tokens.get(id);
                try {
                  while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    HttpResponse<String> submitted =
                        http.send(
                            post(
                                gateway + "/api/v1/guide/organisations/" + organisations[id]
                                    + "/diagnoses",
                                token,
                                answers(instrument, version, items, random)),
                            text());
                    boolean measured = sent >= measureFrom;
                    record(mine, n, 0, sent, measured);
                    if (!expect(submitted, 201, "\"placedStep\"", failures)) {
                      continue;
                    }
                    sent = System.nanoTime();
                    HttpResponse<String> listed =
                        http.send(
                            get(gateway + "/api/v1/guide/diagnoses/" + find(ID, submitted.body())
                                + "/gaps", token),
                            text());
                    record(mine, n, 1, sent, measured);
                    if (!expect(listed, 200, "\"items\"", failures)) {
                      continue;
                    }
                    if (measured) {
                      diagnoses.incrementAndGet();
                      gaps.addAndGet(GAP.matcher(listed.body()).results().count());
                      local.addAndGet(SPECIALIST.matcher(listed.body()).results().count());
                      gapsBytes.addAndGet(listed.body().getBytes(StandardCharsets.UTF_8).length);
                    }
                    Matcher more = MORE.matcher(listed.body());
                    if (!more.find()) {
                      continue; // no gap at all: nothing to follow
                    }
                    sent = System.nanoTime();
                    HttpResponse<String> closers = http.send(get(gateway + more.group(1), null), text());
                    record(mine, n, 2, sent, measured);
                    expect(closers, 200, "\"closers\"", failures);
                  }
                } catch (Exception e) {
                  failures.incrementAndGet();
                  System.err.println("connection " + id + ": " + e);
                } finally {
                  for (int k = 0; k < KINDS.length; k++) {
                    latencies[k][id] = Arrays.copyOf(mine[k], n[k]);
                  }
                  done.countDown();
                }
              })
          .start();
    }
    done.await();
    long[] all =
        Arrays.stream(latencies).flatMap(Arrays::stream).flatMapToLong(Arrays::stream).sorted().toArray();
    for (int k = 0; k < KINDS.length; k++) {
      long[] kind = Arrays.stream(latencies[k]).flatMapToLong(Arrays::stream).sorted().toArray();
      System.out.printf(
          "  %-18s %6d  p50 %6.1f ms  p99 %6.1f ms%n", KINDS[k], kind.length, pct(kind, 0.50),
          pct(kind, 0.99));
    }
    System.out.printf(
        "  %-18s %6d  p50 %6.1f ms  p99 %6.1f ms   %.0f req/s, %d connections, %d s measured,"
            + " failures %d%n",
        "all requests", all.length, pct(all, 0.50), pct(all, 0.99), all.length / (double) seconds,
        connections, seconds, failures.get());
    System.out.printf(
        "  per diagnosis: %.1f gaps, %.1f specialists in the organisation's prefecture recommended,"
            + " gaps answer %.0f kB%n",
        gaps.get() / (double) Math.max(1, diagnoses.get()),
        local.get() / (double) Math.max(1, diagnoses.get()),
        gapsBytes.get() / 1000.0 / Math.max(1, diagnoses.get()));
    if (all.length == 0) {
      System.err.println("nothing measured: no turn started after the warm-up (raise DURATION)");
    }
    System.exit(failures.get() == 0 && all.length > 0 ? 0 : 1);
  }

  static void record(long[][] mine, int[] n, int kind, long sent, boolean measured) {
    long took = System.nanoTime() - sent;
    if (!measured) {
      return;
    }
    if (n[kind] == mine[kind].length) {
      mine[kind] = Arrays.copyOf(mine[kind], n[kind] * 2);
    }
    mine[kind][n[kind]++] = took;
  }

  static boolean expect(HttpResponse<String> r, int status, String marker, AtomicLong failures) {
    if (r.statusCode() == status && r.body().contains(marker)) {
      return true;
    }
    if (failures.incrementAndGet() <= 10) {
      String body = r.body();
      System.err.println(r.statusCode() + " " + r.uri() + " " + body.substring(0, Math.min(300, body.length())));
    }
    return false;
  }

  /** Every item answered: 70 % yes, 15 % partly, 10 % no, 5 % don't know. */
  static String answers(String instrument, String version, String[] items, SplittableRandom random) {
    StringBuilder b =
        new StringBuilder("{\"instrument\":\"" + instrument + "\",\"instrumentVersion\":\"" + version
            + "\",\"answers\":{");
    for (int i = 0; i < items.length; i++) {
      int r = random.nextInt(100);
      String answer = r < 70 ? "yes" : r < 85 ? "partly" : r < 95 ? "no" : "unknown";
      b.append(i == 0 ? "" : ",").append('"').append(items[i]).append("\":\"").append(answer).append('"');
    }
    return b.append("}}").toString();
  }

  static String find(Pattern p, String body) {
    Matcher m = p.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("not in the answer: " + p + " in " + body);
    }
    return m.group(1);
  }

  static HttpRequest post(String url, String token, String json) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  static HttpRequest get(String url, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b.build();
  }

  static HttpResponse.BodyHandler<String> text() {
    return HttpResponse.BodyHandlers.ofString();
  }

  static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
