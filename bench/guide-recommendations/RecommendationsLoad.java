import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What companies do with the guide, through the gateway: N connections, each a company (its own
 * token) with its own organisation in one of the prefectures 01-46. Every turn submits a diagnosis
 * (a full answer set of the current instrument, mostly "yes" with some "partly", "no" and "don't
 * know", so a realistic handful of gaps), reads its gaps with their closers (specialists in the
 * organisation's prefecture included), and follows the first gap's closers link as the guide's
 * page does when the company looks at one gap. Prints count, p50 and p99 per kind of request and
 * for all of them; any answer other than the expected one fails the run.
 *
 * <p>Two ways to load: {@code rate} 0 is a closed loop (every connection starts its next turn as
 * soon as the last ended: what the stack serves at most, and the latency of a queue that is never
 * empty); {@code rate} R > 0 offers R requests per second in all, spread evenly over the
 * connections (an open model: turns start on a schedule whether or not the stack keeps up, and a
 * turn that starts late counts the wait in its first request's latency, so a stack that falls
 * behind cannot hide it).
 *
 * <p>usage: java -cp <classes> RecommendationsLoad <gatewayUrl> <tokenFile> <seconds>
 * <warmupSeconds> <rate> <instrument> <version> <itemIds,...>
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
    URI gateway = URI.create(args[0]);
    List<String> tokens = Files.readAllLines(Path.of(args[1]));
    long seconds = Long.parseLong(args[2]);
    long warmup = Long.parseLong(args[3]);
    double rate = Double.parseDouble(args[4]);
    String instrument = args[5];
    String version = args[6];
    String[] items = args[7].split(",");
    int connections = tokens.size();
    // Set-up, not measured: one organisation per company.
    String[] organisations = new String[connections];
    Http1 setUp = new Http1(gateway);
    for (int c = 0; c < connections; c++) {
      String body =
          "{\"name\":\"計測 " + c + "\",\"prefecture\":\"" + String.format("%02d", 1 + c % 46)
              + "\",\"jsicDivision\":\"E\",\"employeeBand\":\"21-50\","
              + "\"securityStaff\":{\"concurrent\":1,\"dedicated\":0},\"statisticsConsent\":true}";
      Http1.Answer created = setUp.post("/api/v1/guide/organisations", tokens.get(c), body);
      if (created.status() != 201) {
        throw new IllegalStateException("organisation: " + created.status() + " " + created.text());
      }
      organisations[c] = find(ID, created.text());
    }
    setUp.close();
    long start = System.nanoTime();
    long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
    long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
    // Open model: a turn is three requests, so each connection starts one every `period` ns.
    long period = rate > 0 ? (long) (1e9 * connections * KINDS.length / rate) : 0;
    long[][][] latencies = new long[KINDS.length][connections][];
    AtomicLong failures = new AtomicLong();
    AtomicLong diagnoses = new AtomicLong();
    AtomicLong gaps = new AtomicLong();
    AtomicLong local = new AtomicLong();
    AtomicLong gapsBytes = new AtomicLong();
    AtomicLong late = new AtomicLong();
    CountDownLatch done = new CountDownLatch(connections);
    for (int c = 0; c < connections; c++) {
      int id = c;
      new Thread(
              () -> {
                SplittableRandom random = new SplittableRandom(id);
                long[][] mine = new long[KINDS.length][1 << 12];
                int[] n = new int[KINDS.length];
                String token = tokens.get(id);
                String diagnosesPath = "/api/v1/guide/organisations/" + organisations[id] + "/diagnoses";
                long scheduled = start + (period * id) / connections;
                Http1 http = null;
                try {
                  while (true) {
                    long now = System.nanoTime();
                    if (period > 0) {
                      if (scheduled >= end) {
                        break;
                      }
                      if (now < scheduled) {
                        LockSupport.parkNanos(scheduled - now);
                      } else if (now - scheduled > 1_000_000 && scheduled >= measureFrom) {
                        late.incrementAndGet();
                      }
                    } else {
                      if (now >= end) {
                        break;
                      }
                      scheduled = now;
                    }
                    long turn = scheduled;
                    scheduled += period;
                    boolean measured = turn >= measureFrom;
                    if (http == null) {
                      http = new Http1(gateway);
                    }
                    try {
                      Http1.Answer submitted =
                          http.post(diagnosesPath, token, answers(instrument, version, items, random));
                      // From the turn's scheduled start: a late start is part of the wait.
                      record(mine, n, 0, turn, measured);
                      if (!expect(submitted, 201, "\"placedStep\"", failures)) {
                        continue;
                      }
                      long sent = System.nanoTime();
                      Http1.Answer listed =
                          http.get("/api/v1/guide/diagnoses/" + find(ID, submitted.text()) + "/gaps", token);
                      record(mine, n, 1, sent, measured);
                      if (!expect(listed, 200, "\"items\"", failures)) {
                        continue;
                      }
                      String body = listed.text();
                      if (measured) {
                        diagnoses.incrementAndGet();
                        gaps.addAndGet(GAP.matcher(body).results().count());
                        local.addAndGet(SPECIALIST.matcher(body).results().count());
                        gapsBytes.addAndGet(listed.body().length);
                      }
                      Matcher more = MORE.matcher(body);
                      if (!more.find()) {
                        continue; // no gap at all: nothing to follow
                      }
                      sent = System.nanoTime();
                      Http1.Answer closers = http.get(more.group(1), null);
                      record(mine, n, 2, sent, measured);
                      expect(closers, 200, "\"closers\"", failures);
                      if (!closers.keepAlive()) {
                        http.close();
                        http = null;
                      }
                    } catch (java.io.IOException e) {
                      failures.incrementAndGet();
                      System.err.println("connection " + id + ": " + e);
                      http.close();
                      http = null;
                    }
                  }
                } catch (Exception e) {
                  failures.incrementAndGet();
                  System.err.println("connection " + id + ": " + e);
                } finally {
                  if (http != null) {
                    http.close();
                  }
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
    String model =
        rate > 0
            ? String.format("offered %.0f req/s (open model), %d turns started late", rate, late.get())
            : "closed loop";
    System.out.printf(
        "  %-18s %6d  p50 %6.1f ms  p99 %6.1f ms   %.0f req/s, %d connections, %s, %d s measured,"
            + " failures %d%n",
        "all requests", all.length, pct(all, 0.50), pct(all, 0.99), all.length / (double) seconds,
        connections, model, seconds, failures.get());
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

  static boolean expect(Http1.Answer r, int status, String marker, AtomicLong failures) {
    if (r.status() == status && r.text().contains(marker)) {
      return true;
    }
    if (failures.incrementAndGet() <= 10) {
      String body = r.text();
      System.err.println(r.status() + " " + body.substring(0, Math.min(300, body.length())));
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

  static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
