package jp.riss.community.support;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The clock every decision of this service reads (age bands, code and link expiry). Japan's zone,
 * because ages and fiscal years turn at midnight in Japan. Tests replace it with their own bean.
 */
@ApplicationScoped
public class CommunityClock {

  public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  @Produces
  @DefaultBean
  @ApplicationScoped
  Clock clock() {
    return Clock.system(JAPAN);
  }
}
