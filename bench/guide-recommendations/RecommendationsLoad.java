import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recommendation load through the gateway: N connections in a closed loop, each "diagnosis" gives
 * a few gaps and the client fetches who closes each one (GET /api/v1/guide/closers), as the guide's
 * web page does. Prints requests, throughput, p50 and p99 of the closers fetches.
 *
 * <p>usage: java RecommendationsLoad.java <gatewayUrl> <connections> <seconds> <warmupSeconds>
 */
public class RecommendationsLoad {

  /** The gaps of the shipped instrument (guide/instruments/sme-self-check-2025-1.json). */
  static final String[][] GAPS = {
    {"os-updates", "1"}, {"antivirus", "1"}, {"passwords", "1"}, {"sharing-settings", "1"},
    {"attack-awareness", "1"}, {"media-handling", "2"}, {"email-handling", "2"},
    {"device-loss", "2"}, {"backup", "2"}, {"remote-work", "2"}, {"incident-reporting", "2"},
    {"employee-training", "2"}, {"basic-policy", "2"}, {"self-assessment", "2"},
    {"roles-and-contacts", "3"}, {"budget", "3"}, {"security-rules", "3"},
    {"contractor-security", "3"}, {"check-and-improve", "3"}
  };

  /** One gap link of a diagnosis, as a diagnosis lists it. */
  record GapLink(String gap, String step, String prefecture, long seed) {
    String path() {
      return "/api/v1/guide/closers?gap=" + gap + "&step=" + step + "&prefecture=" + prefecture
          + "&seed=" + seed;
    }
  }

  /**
   * Stands in for submitting a diagnosis: returns the gap links its answer would list. Diagnosis
   * submission is not in the guide yet; when it is, POST the answers here and return the links of
   * the answer, and the load measures submission and recommendations together.
   */
  static List<GapLink> submitDiagnosis(HttpClient http, String gateway, SplittableRandom random) {
    String prefecture = String.format("%02d", 1 + random.nextInt(47));
    long seed = random.nextInt(Integer.MAX_VALUE);
    List<GapLink> links = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String[] gap = GAPS[random.nextInt(GAPS.length)];
      links.add(new GapLink(gap[0], gap[1], prefecture, seed));
    }
    return links;
  }

  public static void main(String[] args) throws Exception {
    String gateway = args[0];
    int connections = Integer.parseInt(args[1]);
    long seconds = Long.parseLong(args[2]);
    long warmup = Long.parseLong(args[3]);
    long measureFrom = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
    long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(2))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    long[][] latencies = new long[connections][];
    AtomicLong failures = new AtomicLong();
    CountDownLatch done = new CountDownLatch(connections);
    for (int c = 0; c < connections; c++) {
      int id = c;
      new Thread(
              () -> {
                SplittableRandom random = new SplittableRandom(id);
                long[] mine = new long[1 << 14];
                int n = 0;
                try {
                  while (System.nanoTime() < end) {
                    for (GapLink link : submitDiagnosis(http, gateway, random)) {
                      long sent = System.nanoTime();
                      HttpResponse<String> answer =
                          http.send(
                              HttpRequest.newBuilder(URI.create(gateway + link.path())).build(),
                              HttpResponse.BodyHandlers.ofString());
                      long took = System.nanoTime() - sent;
                      if ((answer.statusCode() != 200 || !answer.body().contains("\"closers\""))
                          && failures.incrementAndGet() <= 10) {
                        System.err.println(answer.statusCode() + " " + link.path());
                      }
                      if (sent >= measureFrom && sent < end) {
                        if (n == mine.length) {
                          mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = took;
                      }
                    }
                  }
                } catch (Exception e) {
                  failures.incrementAndGet();
                  System.err.println("connection " + id + ": " + e);
                } finally {
                  latencies[id] = Arrays.copyOf(mine, n);
                  done.countDown();
                }
              })
          .start();
    }
    done.await();
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf(
        "closers fetches %d  throughput %.0f req/s  p50 %.2f ms  p99 %.2f ms  failures %d%n",
        all.length, all.length / (double) seconds, pct(all, 0.50), pct(all, 0.99), failures.get());
    System.exit(failures.get() == 0 ? 0 : 1);
  }

  static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
