package jp.riss.deploy.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Looks through log files for personal data of the demo people and for the kinds of datum that must
 * never be logged for anyone: e-mail addresses at the demo data's domains, the demo people's names
 * and phone numbers, a date next to a date-of-birth field, and bearer tokens (JWTs).
 */
final class PersonalDataScan {

  /** One datum found: where, and what kind (never the datum itself, which would repeat it). */
  record Finding(Path file, int line, String kind) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + kind;
    }
  }

  private static final Pattern DATE_OF_BIRTH =
      Pattern.compile(
          "(?i)(date_?of_?birth|birth_?date|\\bdob\\b|born)\\W{0,6}\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");

  private final DemoPeople people;
  private final Pattern email;

  PersonalDataScan(DemoPeople people) {
    this.people = people;
    this.email =
        Pattern.compile(
            "[A-Za-z0-9._%+-]+@(?:"
                + people.mailDomains().stream().map(Pattern::quote).collect(Collectors.joining("|"))
                + ")(?![A-Za-z0-9.-]*[A-Za-z0-9])");
  }

  List<Finding> scan(Path file) throws IOException {
    List<Finding> found = new ArrayList<>();
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (BufferedReader reader =
        new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        for (String kind : kinds(line)) {
          found.add(new Finding(file, number, kind));
        }
      }
    }
    return found;
  }

  private List<String> kinds(String line) {
    List<String> kinds = new ArrayList<>();
    Matcher mail = email.matcher(line);
    if (!people.mailDomains().isEmpty() && mail.find()) {
      kinds.add("e-mail address");
    }
    if (people.names().stream().anyMatch(line::contains)) {
      kinds.add("name of a demo person");
    }
    if (people.phones().stream().anyMatch(line::contains)) {
      kinds.add("phone number of a demo person");
    }
    if (DATE_OF_BIRTH.matcher(line).find()) {
      kinds.add("date of birth");
    }
    if (JWT.matcher(line).find()) {
      kinds.add("bearer token");
    }
    return kinds;
  }
}
