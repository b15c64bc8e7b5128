package jp.riss.gateway;

/**
 * Monotonic time in nanoseconds, so rate limits can be tested by moving a fake clock instead of
 * sleeping. Like {@link System#nanoTime()}, values are only meaningful as differences.
 */
@FunctionalInterface
public interface NanoClock {

  NanoClock SYSTEM = System::nanoTime;

  long nanoTime();
}
