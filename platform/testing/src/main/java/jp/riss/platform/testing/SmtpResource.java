package jp.riss.platform.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server in the test JVM (GreenMail) that the service delivers its mail to, over SMTP
 * exactly as in production (not Quarkus' mock mailer). Tests read what arrived with {@link
 * #received(String)}, and take the server down and up again with {@link #stop()} / {@link
 * #restart()} to see delivery retried.
 */
public class SmtpResource implements QuarkusTestResourceLifecycleManager {

  private static volatile GreenMail server;
  private static volatile ServerSetup setup;

  @Override
  public synchronized Map<String, String> start() {
    if (setup == null) {
      setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }
    restart();
    return Map.of(
        "SMTP_ENABLED", "true",
        "SMTP_HOST", "127.0.0.1",
        "SMTP_PORT", String.valueOf(setup.getPort()),
        // a failed attempt is retried soon, so a test sees the retry within seconds
        "riss.mail.relay.first-retry", "PT0.5S",
        "riss.mail.relay.max-retry", "PT1S",
        "riss.mail.relay.poll-interval", "PT0.2S");
  }

  @Override
  public synchronized void stop() {
    stopServer();
  }

  /** Takes the SMTP server down: connections are refused until {@link #restart()}. */
  public static synchronized void stopServer() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** (Re)starts the server on the same port, with an empty mailbox. */
  public static synchronized void restart() {
    stopServer();
    GreenMail started = new GreenMail(setup);
    started.start();
    server = started;
  }

  /** The messages received so far for {@code recipient}, oldest first. */
  public static List<MimeMessage> received(String recipient) {
    GreenMail current = server;
    if (current == null) {
      return List.of();
    }
    return Arrays.stream(current.getReceivedMessages()).filter(m -> isTo(m, recipient)).toList();
  }

  private static boolean isTo(MimeMessage message, String recipient) {
    try {
      return Arrays.stream(message.getAllRecipients())
          .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
