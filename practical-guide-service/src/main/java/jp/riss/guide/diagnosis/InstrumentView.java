package jp.riss.guide.diagnosis;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import jp.riss.guide.content.Language;

/** An instrument version in the reader's language (English falls back to Japanese per item). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstrumentView(
    String code,
    String version,
    String state,
    String lang,
    String title,
    List<Label> parts,
    List<Answer> scale,
    List<Label> facts,
    List<Band> bands,
    List<Item> items,
    Instrument.Placement placement,
    Instrument.Lineage previous) {

  public record Label(String code, String label) {}

  public record Answer(String answer, int points, String label) {}

  public record Band(String code, int fromPercent, int toPercent, String label) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Item(
      String id,
      String part,
      int step,
      String lang,
      String text,
      String help,
      String enState,
      String applicableIf,
      List<String> measureKeys,
      String gapCode) {}

  /** A summary for the list of instruments. */
  public record Summary(String code, String version, String title, String state) {}

  static InstrumentView of(Instrument i, String state, String lang) {
    boolean en = Language.EN.equals(lang);
    return new InstrumentView(
        i.code(),
        i.version(),
        state,
        lang,
        en ? i.title().get("en") : i.title().get("ja"),
        i.parts().stream().map(p -> new Label(p.code(), en ? p.en() : p.ja())).toList(),
        i.scale().stream()
            .map(a -> new Answer(a.answer(), a.points(), en ? a.en() : a.ja()))
            .toList(),
        i.facts().stream().map(f -> new Label(f.code(), en ? f.en() : f.ja())).toList(),
        i.bands().stream()
            .map(b -> new Band(b.code(), b.fromPercent(), b.toPercent(), en ? b.en() : b.ja()))
            .toList(),
        i.items().stream().map(item -> item(item, en)).toList(),
        i.placement(),
        i.previous());
  }

  private static Item item(Instrument.Item item, boolean wantEn) {
    boolean en =
        wantEn
            && item.en() != null
            && item.en().text() != null
            && !"missing".equals(item.en().state());
    Instrument.Wording w = en ? item.en() : item.ja();
    return new Item(
        item.id(),
        item.part(),
        item.step(),
        en ? Language.EN : Language.JA,
        w.text(),
        w.help(),
        item.en() == null ? "missing" : item.en().state(),
        item.applicableIf() == null ? null : item.applicableIf().fact(),
        item.measureKeys(),
        item.gapCode());
  }
}
