package jp.riss.guide.closers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may close which gap, as data: {@code guide/closers/gap-closers.json} (closer kinds in the
 * order they are shown, the お助け隊 needs, each gap's internal tasks and guidance themes). Read once
 * and checked strictly, so a typo in the file stops the service instead of silently dropping a
 * closer.
 */
@ApplicationScoped
public class GapCloserMap {

  static final String FILE = "guide/closers/gap-closers.json";
  static final String ADVISERS_ONLY = "advisers-only";
  static final String MAY_HELP = "may-help";
  static final String BY_ORGANISATION = "organisation";
  static final String BY_OUTSIDER = "outsider";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final Set<String> KINDS =
      Set.of(
          "internal-task",
          "learning-content",
          "exam",
          "otasuketai",
          "consultation-desk",
          "community",
          "specialist");

  /** A kind of closer: who does the work, and which guide elements stand for it. */
  public record CloserKind(
      String kind, String by, List<String> peopleKinds, List<String> offerKinds) {
    List<String> peopleKindsOrNone() {
      return peopleKinds == null ? List.of() : peopleKinds;
    }

    List<String> offerKindsOrNone() {
      return offerKinds == null ? List.of() : offerKinds;
    }
  }

  /**
   * One gap: its internal tasks (element keys; none means all the Step's internal tasks), the
   * guidance themes of specialists who can help, the お助け隊 needs it has, and other elements whose
   * {@code inHouseOnly} flag applies to it.
   */
  public record Entry(
      String gapCode,
      List<String> tasks,
      List<Integer> themes,
      List<String> otasuketaiNeeds,
      List<String> inHouseOnlyBecause) {
    List<String> tasksOrNone() {
      return tasks == null ? List.of() : tasks;
    }

    List<String> needsOrNone() {
      return otasuketaiNeeds == null ? List.of() : otasuketaiNeeds;
    }

    List<String> inHouseOnlyBecauseOrNone() {
      return inHouseOnlyBecause == null ? List.of() : inHouseOnlyBecause;
    }
  }

  record Texts(String ja, String en) {}

  record File(
      String about,
      List<CloserKind> closerKinds,
      List<String> otasuketaiNeeds,
      Map<String, Texts> outsiders,
      @JsonProperty("default") Entry fallback,
      List<Entry> gaps) {}

  private final File file;
  private final Map<String, Entry> byGap = new HashMap<>();

  public GapCloserMap() {
    this.file = read();
    byGap.putAll(check(file));
  }

  /** The closer kinds, in the order a gap shows them. */
  public List<CloserKind> kinds() {
    return file.closerKinds();
  }

  /** The gap's entry, or the default one for a gap code the file does not list. */
  public Entry entry(String gapCode) {
    return byGap.getOrDefault(gapCode, file.fallback());
  }

  /**
   * The guidance themes of every gap the file lists: the one gap → theme mapping, read by the
   * closers (which specialists help) and by diagnoses (which themes a gap's demand counts for).
   */
  public Map<String, List<Integer>> themesByGap() {
    Map<String, List<Integer>> themes = new java.util.TreeMap<>();
    byGap.forEach((gap, entry) -> themes.put(gap, List.copyOf(entry.themes())));
    return themes;
  }

  /** Every gap code the file lists. */
  public Set<String> gapCodes() {
    return Set.copyOf(byGap.keySet());
  }

  /** What the answer says about outsiders, in the reader's language. */
  public String outsidersNote(String which, String lang) {
    Texts t = file.outsiders().get(which);
    return "en".equals(lang) ? t.en() : t.ja();
  }

  private static File read() {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + FILE);
      }
      return JSON.readValue(in, File.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE, e);
    }
  }

  private static Map<String, Entry> check(File f) {
    List<String> errors = new ArrayList<>();
    Set<String> seenKinds = new HashSet<>();
    for (CloserKind k : f.closerKinds()) {
      if (!KINDS.contains(k.kind()) || !seenKinds.add(k.kind())) {
        errors.add("closer kind " + k.kind() + " is unknown or repeated");
      }
      if (!BY_ORGANISATION.equals(k.by()) && !BY_OUTSIDER.equals(k.by())) {
        errors.add("closer kind " + k.kind() + ": by must be organisation or outsider");
      }
    }
    if (!seenKinds.equals(KINDS)) {
      errors.add("closerKinds must list each of " + KINDS);
    }
    if (f.outsiders() == null
        || !f.outsiders().keySet().equals(Set.of(ADVISERS_ONLY, MAY_HELP))
        || f.outsiders().values().stream().anyMatch(t -> t.ja() == null || t.en() == null)) {
      errors.add("outsiders must give ja and en texts for " + ADVISERS_ONLY + " and " + MAY_HELP);
    }
    List<Entry> all = new ArrayList<>(f.gaps());
    all.add(f.fallback());
    Map<String, Entry> byGap = new HashMap<>();
    for (Entry e : all) {
      String name = e.gapCode() == null ? "default" : e.gapCode();
      if (e.themes() == null || e.themes().stream().anyMatch(t -> t == null || t < 1 || t > 99)) {
        errors.add(name + ": themes must be guidance theme numbers 1-99");
      }
      if (!f.otasuketaiNeeds().containsAll(e.needsOrNone())) {
        errors.add(name + ": otasuketaiNeeds must be some of " + f.otasuketaiNeeds());
      }
      if (e != f.fallback() && (e.gapCode() == null || byGap.put(e.gapCode(), e) != null)) {
        errors.add(name + ": every gap needs a code of its own");
      }
    }
    if (f.fallback().gapCode() != null) {
      errors.add("default must not name a gap code");
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException(FILE + ": " + String.join("; ", errors));
    }
    return byGap;
  }
}
