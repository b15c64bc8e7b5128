import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load of typical Active List searches: C connections (one client and thread each)
 * send the mix back to back for a warm-up, then for the measured duration. Prints requests per
 * second and p50/p99 latency of the measured part; any non-200 answer is counted and fails the run.
 * The mix is the one the pgbench scripts in queries/ mirror, one kind of search per script.
 *
 * <p>usage: java SearchLoad.java <baseUrl> <connections> <seconds> <warmupSeconds>
 */
public class SearchLoad {

  static String search(SplittableRandom random) {
    int t = 1 + random.nextInt(6);
    int t2 = 1 + random.nextInt(6);
    String p = String.format("%02d", 1 + random.nextInt(47));
    char industry = (char) ('A' + random.nextInt(20));
    return switch (random.nextInt(6)) {
      case 0 -> "theme=" + t + "&prefecture=" + p + "&includeOnline=true";
      case 1 -> "theme=" + t + "&format=online&maxFee=20000";
      case 2 -> "q=" + URLEncoder.encode("規程", StandardCharsets.UTF_8) + "&prefecture=" + p;
      case 3 -> "industry=" + industry + "&acceptingOnly=true";
      case 4 -> "";
      default -> "theme=" + t + "&theme=" + t2 + "&firstFree=true";
    };
  }

  public static void main(String[] args) throws Exception {
    String base = args[0] + "/api/v1/active-list/listings?";
    int connections = Integer.parseInt(args[1]);
    long seconds = Long.parseLong(args[2]);
    long warmup = Long.parseLong(args[3]);
    long start = System.nanoTime();
    long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
    long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
    long[][] latencies = new long[connections][];
    int[] counts = new int[connections];
    AtomicLong failures = new AtomicLong();
    CountDownLatch done = new CountDownLatch(connections);
    for (int c = 0; c < connections; c++) {
      int id = c;
      Thread thread =
          new Thread(
              () -> {
                HttpClient http =
                    HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                SplittableRandom random = new SplittableRandom(id);
                long[] mine = new long[1 << 16];
                int n = 0;
                try {
                  while (true) {
                    long sent = System.nanoTime();
                    if (sent >= end) {
                      break;
                    }
                    HttpResponse<byte[]> answer =
                        http.send(
                            HttpRequest.newBuilder(URI.create(base + search(random)))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    long took = System.nanoTime() - sent;
                    if (answer.statusCode() != 200) {
                      failures.incrementAndGet();
                    }
                    if (sent >= measureFrom) {
                      if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                      }
                      mine[n++] = took;
                    }
                  }
                } catch (Exception e) {
                  failures.incrementAndGet();
                  System.err.println("connection " + id + ": " + e);
                } finally {
                  latencies[id] = Arrays.copyOf(mine, n);
                  counts[id] = n;
                  done.countDown();
                }
              });
      thread.start();
    }
    done.await();
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    double rps = all.length / (double) seconds;
    System.out.printf(
        "requests %d  throughput %.0f req/s  p50 %.2f ms  p99 %.2f ms  failures %d%n",
        all.length, rps, pct(all, 0.50), pct(all, 0.99), failures.get());
    System.exit(failures.get() == 0 ? 0 : 1);
  }

  static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
