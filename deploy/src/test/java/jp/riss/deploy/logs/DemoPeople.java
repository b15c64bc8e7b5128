package jp.riss.deploy.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What identifies the demo people, read from the demo data the local stack loads ({@code
 * deploy/local/demo}): the mail domains their addresses use (addresses there are partly built by
 * the scripts, so any address at those domains counts), their names (the values of name fields that
 * contain a space between family and given name, or any Japanese display name), their phone
 * numbers, and the names of the fields that hold a date of birth.
 */
record DemoPeople(Set<String> mailDomains, Set<String> names, Set<String> phones) {

  private static final Pattern DOMAIN = Pattern.compile("@([a-z0-9-]+(?:\\.[a-z0-9-]+)+)");
  // "displayName": "佐藤 健一" in JSON, displayName: "…" in jq, \"displayName\":\"…\" in shell.
  private static final Pattern NAME =
      Pattern.compile(
          "\\\\?\"?(displayName|displayNameKana|fullName|guardianName|name)\\\\?\"?\\s*:\\s*"
              + "\\(?\\\\?\"([^\"\\\\$]+)\\\\?\"(?!\\s*\\+)");
  private static final Pattern PHONE =
      Pattern.compile("\\\\?\"?phone\\\\?\"?\\s*:\\s*\\\\?\"([0-9+][0-9 -]{6,})\\\\?\"");
  private static final Pattern NON_ASCII_LETTER = Pattern.compile("[^\\x00-\\x7F]");

  static DemoPeople read(Path demoDir) {
    Set<String> domains = new TreeSet<>();
    Set<String> names = new TreeSet<>();
    Set<String> phones = new TreeSet<>();
    try (Stream<Path> files = Files.list(demoDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file);
        Matcher domain = DOMAIN.matcher(text);
        while (domain.find()) {
          domains.add(domain.group(1));
        }
        Matcher name = NAME.matcher(text);
        while (name.find()) {
          String value = name.group(2).trim();
          boolean personal =
              !name.group(1).equals("name") || value.contains(" ") || value.contains("\u3000");
          if (personal && NON_ASCII_LETTER.matcher(value).find() && value.length() >= 2) {
            names.add(value);
          }
        }
        Matcher phone = PHONE.matcher(text);
        while (phone.find()) {
          phones.add(phone.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DemoPeople(Set.copyOf(domains), Set.copyOf(names), Set.copyOf(phones));
  }
}
