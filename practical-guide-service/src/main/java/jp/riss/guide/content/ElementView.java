package jp.riss.guide.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * An element in the language the reader got: {@code lang} says which, since English falls back to
 * Japanese where it is missing; {@code enState} says how far the English text is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ElementView(
    String key,
    String kind,
    Integer step,
    String parent,
    int order,
    Integer seedLine,
    boolean inHouseOnly,
    Attrs attrs,
    String lang,
    String title,
    String text,
    String enState,
    long revision,
    OffsetDateTime updatedAt) {

  public static ElementView of(Element e, String requested) {
    boolean en = Language.EN.equals(requested) && e.en().present();
    return new ElementView(
        e.key(),
        e.kind(),
        e.step(),
        e.parent(),
        e.order(),
        e.seedLine(),
        e.inHouseOnly(),
        e.attrs(),
        en ? Language.EN : Language.JA,
        en ? e.en().title() : e.ja().title(),
        en ? e.en().text() : e.ja().text(),
        e.en().state(),
        e.revision(),
        e.updatedAt());
  }
}
