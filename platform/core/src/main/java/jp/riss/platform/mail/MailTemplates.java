package jp.riss.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Message texts are content, kept as versioned resource files of the service, one per language:
 * {@code mail/<name>.<language>.txt}, whose first line is {@code Subject: …}, then an empty line,
 * then the body. {@code {placeholder}}s are filled from the values given; a placeholder without a
 * value is an error, never an empty gap in a message. We don't know which language a recipient
 * reads, so a message carries every language of {@code riss.mail.languages} (default ja, en), in
 * that order.
 */
@ApplicationScoped
public class MailTemplates {

  /** A message ready for {@link MailQueue}. */
  public record Rendered(String subject, String body) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
  private static final String SUBJECT = "Subject: ";
  private static final String SEPARATOR = "\n\n―――――――――――――――――――――――――――――――\n\n";

  private final Map<String, Rendered> sources = new ConcurrentHashMap<>();

  @ConfigProperty(name = "riss.mail.languages", defaultValue = "ja,en")
  List<String> languages;

  public Rendered render(String name, Map<String, String> values) {
    List<String> subjects = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (String language : languages) {
      Rendered source = sources.computeIfAbsent(name + "." + language, MailTemplates::load);
      subjects.add(fill(source.subject(), values, name));
      bodies.add(fill(source.body(), values, name).strip());
    }
    return new Rendered(String.join(" / ", subjects), String.join(SEPARATOR, bodies) + "\n");
  }

  private static String fill(String text, Map<String, String> values, String name) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException(
            "mail template " + name + " needs a value for {" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Rendered load(String nameAndLanguage) {
    String path = "mail/" + nameAndLanguage + ".txt";
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no mail template " + path + " on the class path");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
      int end = text.indexOf("\n\n");
      if (!text.startsWith(SUBJECT) || end < 0) {
        throw new IllegalStateException(
            path + " must start with a 'Subject: ' line and an empty line");
      }
      return new Rendered(text.substring(SUBJECT.length(), end).strip(), text.substring(end + 2));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }
}
