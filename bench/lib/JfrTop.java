import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples went, as the benchmarks' JFR knobs record them: per thread
 * (numbers folded, so a pool counts once), per top frame (the method that was running), and
 * inclusive per method (on the stack at all), optionally only in the recording's last seconds (the
 * measured window, after the warm-up). Runs with the JDK alone:
 *
 * <pre>java bench/lib/JfrTop.java &lt;file.jfr&gt; [lastSeconds] [rows]</pre>
 */
public final class JfrTop {

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: java bench/lib/JfrTop.java <file.jfr> [lastSeconds] [rows]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    long lastSeconds = args.length > 1 ? Long.parseLong(args[1]) : 0;
    int rows = args.length > 2 ? Integer.parseInt(args[2]) : 30;

    List<RecordedEvent> samples = new ArrayList<>();
    Instant end = Instant.MIN;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
        samples.add(event);
        if (event.getStartTime().isAfter(end)) {
          end = event.getStartTime();
        }
      }
    }
    Instant from = lastSeconds > 0 ? end.minus(Duration.ofSeconds(lastSeconds)) : Instant.MIN;

    Map<String, Integer> threads = new HashMap<>();
    Map<String, Integer> top = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    int counted = 0;
    for (RecordedEvent sample : samples) {
      if (sample.getStartTime().isBefore(from) || sample.getStackTrace() == null) {
        continue;
      }
      counted++;
      String thread =
          sample.getThread("sampledThread") == null
              ? "?"
              : sample.getThread("sampledThread").getJavaName();
      threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1, Integer::sum);
      List<RecordedFrame> frames = sample.getStackTrace().getFrames();
      if (!frames.isEmpty()) {
        top.merge(name(frames.get(0)), 1, Integer::sum);
      }
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        if (seen.add(name)) {
          inclusive.merge(name, 1, Integer::sum);
        }
      }
    }
    System.out.printf(
        "%s: %d CPU samples%s%n",
        file, counted, lastSeconds > 0 ? " in the last " + lastSeconds + " s" : "");
    print("threads", threads, counted, rows);
    print("top frames (self)", top, counted, rows);
    print("on the stack (inclusive)", inclusive, counted, rows);
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static void print(String title, Map<String, Integer> counts, int total, int rows) {
    System.out.println("-- " + title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(rows)
        .forEach(
            e ->
                System.out.printf(
                    "%6d %5.1f %%  %s%n", e.getValue(), 100.0 * e.getValue() / total, e.getKey()));
  }
}
