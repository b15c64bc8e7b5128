package jp.riss.platform.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "riss.mail.relay")
public interface MailRelayConfig {

  /**
   * Whether mail is delivered ({@code SMTP_ENABLED}; the server, port and sender are the {@code
   * quarkus.mailer.*} settings, {@code SMTP_HOST}, {@code SMTP_PORT}, {@code MAIL_FROM}). Off:
   * queued messages stay in {@code outgoing_mail}, where the dev mailbox reads them — the local
   * set-up.
   */
  @WithDefault("false")
  boolean enabled();

  /** How often to look for messages when no commit has woken the relay. */
  @WithDefault("5s")
  Duration pollInterval();

  @WithDefault("20")
  int batchSize();

  /** Wait after the first failed attempt of a message; doubled after each further one. */
  @WithDefault("30s")
  Duration firstRetry();

  /** Longest wait between two attempts of one message. */
  @WithDefault("1h")
  Duration maxRetry();

  /**
   * After this many failed attempts a message is given up (it stays, with its last error, for an
   * operator to see); with the defaults that is about a day of retrying.
   */
  @WithDefault("30")
  int maxAttempts();

  /** The right-hand side of each Message-ID ({@code <mail id@domain>}). */
  @WithDefault("riss.example.jp")
  String messageIdDomain();
}
