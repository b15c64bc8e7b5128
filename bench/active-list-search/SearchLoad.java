import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Closed-loop load of typical Active List searches: C keep-alive connections (a thread each) send
 * the mix back to back for a warm-up, then for the measured duration. Prints requests per second
 * and p50/p99 latency of the measured part; any answer other than a 200 with a JSON page of results
 * is counted and fails the run. The mix is the one the pgbench scripts in queries/ mirror, one kind
 * of search per script.
 *
 * <p>Plain HTTP/1.1 over a socket on purpose: the load generator shares the two cores with what it
 * measures, and a general-purpose client (java.net.http) spent more CPU per request than the
 * gateway did, which would have measured the client, not the search.
 *
 * <p>Usage: see {@link #main}.
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

  /** Per target, before the rounds: the load generator's own JIT warm-up (see main). */
  static final long LOAD_GENERATOR_WARMUP_SECONDS = 5;

  /** One target's measured requests, over all the rounds it ran. */
  static final class Tally {
    final String name;
    long[] latencies = new long[0];
    long measuredNanos;
    long failures;

    Tally(String name) {
      this.name = name;
    }

    double throughput() {
      return latencies.length / (measuredNanos / 1e9);
    }

    String line() {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      return String.format(
          "requests %d  throughput %.0f req/s  p50 %.2f ms  p99 %.2f ms  failures %d",
          sorted.length, throughput(), pct(sorted, 0.50), pct(sorted, 0.99), failures);
    }

    double p99() {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      return pct(sorted, 0.99);
    }
  }

  /**
   * usage: java -cp <classes> SearchLoad <baseUrl> <connections> <seconds> <warmupSeconds>, one
   * target; or java -cp <classes> SearchLoad <connections> <secondsPerRound> <warmupSeconds>
   * <rounds> direct=<url> gateway=<url> [<name>=<url>]: the targets in rotating rounds (direct,
   * gateway; then gateway, direct; with a third target each one leads in turn), so whatever else
   * the machine does at a moment hits all alike. The first target is the baseline the others are
   * compared with; the second is the gateway the targets are set for; any further one is a
   * reference (the run script's nginx) printed on a "reference" line. Each round opens fresh
   * connections and discards its first warmupSeconds. Prints "window start <target>" and "window
   * end <target>" as each measured part begins and ends.
   */
  public static void main(String[] args) throws Exception {
    if (args[0].startsWith("http")) {
      Tally only = new Tally(args[0]);
      round(
          URI.create(args[0]),
          Integer.parseInt(args[1]),
          Long.parseLong(args[2]),
          Long.parseLong(args[3]),
          only);
      System.out.println(only.line());
      System.exit(only.failures == 0 ? 0 : 1);
    }
    int connections = Integer.parseInt(args[0]);
    long seconds = Long.parseLong(args[1]);
    long warmup = Long.parseLong(args[2]);
    int rounds = Integer.parseInt(args[3]);
    List<Tally> tallies = new ArrayList<>();
    List<URI> targets = new ArrayList<>();
    for (String target : Arrays.copyOfRange(args, 4, args.length)) {
      int eq = target.indexOf('=');
      tallies.add(new Tally(target.substring(0, eq)));
      targets.add(URI.create(target.substring(eq + 1)));
    }
    // For the run script, which reads the CPU time of each process around every measured window.
    System.out.println("load-generator pid " + ProcessHandle.current().pid());
    int n = targets.size();
    // This JVM is new: it compiles its own request loop during its first seconds, on the cores the
    // measured processes need. Unwarmed, the first round (always the first target's, direct) read
    // 2,600-2,700 req/s against 4,300-5,500 in the later ones, which flattered the others' ratios.
    // So every target once, unmeasured and unreported (a tally without a name), before the rounds.
    for (URI target : targets) {
      round(target, connections, 0, LOAD_GENERATOR_WARMUP_SECONDS, new Tally(null));
    }
    for (int r = 0; r < rounds; r++) {
      for (int turn = 0; turn < n; turn++) {
        // Two targets alternate which goes first; three take the lead in turn.
        int t = n == 2 ? (r % 2 == 0 ? turn : 1 - turn) : (r + turn) % n;
        Tally tally = tallies.get(t);
        Tally one = new Tally(tally.name);
        round(targets.get(t), connections, seconds, warmup, one);
        System.err.printf("    round %d %-8s %s%n", r + 1, one.name, one.line());
        int from = tally.latencies.length;
        tally.latencies = Arrays.copyOf(tally.latencies, from + one.latencies.length);
        System.arraycopy(one.latencies, 0, tally.latencies, from, one.latencies.length);
        tally.measuredNanos += one.measuredNanos;
        tally.failures += one.failures;
      }
    }
    for (Tally tally : tallies) {
      System.out.printf("%-10s %s%n", tally.name, tally.line());
    }
    Tally direct = tallies.get(0);
    Tally gateway = tallies.get(1);
    System.out.printf(
        "ratios     %s/%s throughput %.2f (target >= 0.85)   %s p99 / %s p99 %.2f (target <= 1.3)%n",
        gateway.name,
        direct.name,
        gateway.throughput() / direct.throughput(),
        gateway.name,
        direct.name,
        gateway.p99() / direct.p99());
    for (Tally reference : tallies.subList(2, n)) {
      System.out.printf(
          "reference  %s/%s throughput %.2f   %s p99 / %s p99 %.2f%n",
          reference.name,
          direct.name,
          reference.throughput() / direct.throughput(),
          reference.name,
          direct.name,
          reference.p99() / direct.p99());
    }
    System.exit(tallies.stream().mapToLong(t -> t.failures).sum() == 0 ? 0 : 1);
  }

  /** One closed-loop run against {@code base}; adds its measured part to {@code tally}. */
  static void round(URI base, int connections, long seconds, long warmup, Tally tally)
      throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
    long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
    long[][] latencies = new long[connections][];
    AtomicLong failures = new AtomicLong();
    CountDownLatch done = new CountDownLatch(connections);
    for (int c = 0; c < connections; c++) {
      int id = c;
      Thread thread =
          new Thread(
              () -> {
                SplittableRandom random = new SplittableRandom(id ^ start);
                long[] mine = new long[1 << 16];
                int n = 0;
                Http1 connection = null;
                try {
                  while (true) {
                    long sent = System.nanoTime();
                    if (sent >= end) {
                      break;
                    }
                    if (connection == null) {
                      connection = new Http1(base);
                    }
                    String path = "/api/v1/active-list/listings?" + search(random);
                    Http1.Answer answer = connection.get(path, null);
                    long took = System.nanoTime() - sent;
                    if (!isSearchPage(answer) && failures.incrementAndGet() <= 10) {
                      System.err.println("connection " + id + ": " + answer.status() + " " + path);
                    }
                    if (!answer.keepAlive()) {
                      connection.close();
                      connection = null;
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
                  if (connection != null) {
                    connection.close();
                  }
                  latencies[id] = Arrays.copyOf(mine, n);
                  done.countDown();
                }
              });
      thread.start();
    }
    sleepUntil(measureFrom);
    if (tally.name != null) {
      System.out.println("window start " + tally.name);
    }
    sleepUntil(end);
    if (tally.name != null) {
      System.out.println("window end " + tally.name);
    }
    done.await();
    tally.latencies = Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray();
    tally.measuredNanos = Duration.ofSeconds(seconds).toNanos();
    tally.failures = failures.get();
  }

  /** Waits until a point in time (the load generator's clock, not a condition to poll). */
  static void sleepUntil(long nanoTime) {
    for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  /** A page of search results: 200 with the listing page's JSON. */
  static boolean isSearchPage(Http1.Answer answer) {
    byte[] body = answer.body();
    return answer.status() == 200
        && body.length > 0
        && new String(body, 0, Math.min(body.length, 16), StandardCharsets.US_ASCII)
            .startsWith("{\"items\":[");
  }
}
