package jp.riss.community.event;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes events as RFC 5545 iCalendar: times in UTC, TEXT values escaped (backslash, semicolon,
 * comma, newline), content lines folded at 75 octets without splitting a UTF-8 character, CRLF line
 * ends.
 */
public final class ICalendar {

  public static final String MEDIA_TYPE = "text/calendar;charset=utf-8";

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final String[] PREFECTURES = {
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
    "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
    "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
    "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"
  };

  /** One event in a calendar; {@code status} is CONFIRMED, TENTATIVE or CANCELLED. */
  public record Entry(CommunityEvent event, String status) {}

  private ICalendar() {}

  public static String of(String name, List<Entry> entries, OffsetDateTime stamp) {
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//RISS Platform//Camp Community//JA");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:" + text(name));
    for (Entry entry : entries) {
      CommunityEvent e = entry.event();
      line(out, "BEGIN:VEVENT");
      // A bare UUID (RFC 7986 §5.3): unique without a domain, and never mistaken for an address.
      line(out, "UID:" + e.id);
      line(out, "DTSTAMP:" + utc(stamp));
      line(out, "DTSTART:" + utc(e.startsAt));
      line(out, "DTEND:" + utc(e.endsAt));
      line(out, "SUMMARY:" + text(e.title));
      if (e.description != null) {
        line(out, "DESCRIPTION:" + text(e.description));
      }
      String location = location(e);
      if (location != null) {
        line(out, "LOCATION:" + text(location));
      }
      line(out, "CATEGORIES:" + text(e.kind));
      line(out, "STATUS:" + ("cancelled".equals(e.state) ? "CANCELLED" : entry.status()));
      line(out, "SEQUENCE:" + e.version);
      line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  private static String location(CommunityEvent e) {
    String prefecture =
        e.prefecture == null ? null : PREFECTURES[Integer.parseInt(e.prefecture) - 1];
    String online = "online".equals(e.format) ? "オンライン" : null;
    if (e.venue != null && prefecture != null) {
      return e.venue + ", " + prefecture;
    }
    return e.venue != null ? e.venue : prefecture != null ? prefecture : online;
  }

  static String utc(OffsetDateTime t) {
    return t.withOffsetSameInstant(ZoneOffset.UTC).format(UTC);
  }

  /** RFC 5545 §3.3.11: backslash, semicolon and comma escaped, line breaks as \n. */
  static String text(String value) {
    return value
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n");
  }

  /** RFC 5545 §3.1: at most 75 octets a line; continuation lines start with one space. */
  static void line(StringBuilder out, String content) {
    int octets = 0;
    int limit = 75;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
