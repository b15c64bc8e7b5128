package jp.riss.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    URI type,
    String title,
    int status,
    String detail,
    String instance,
    List<Violation> violations,
    @JsonIgnore Map<String, Object> extensions) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://riss.example/problems/";

  /** One field at fault: a JSON pointer-like path ({@code prefectures[0]}) and what is wrong. */
  public record Violation(String field, String message) {}

  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem(
        URI.create(TYPE_BASE + slug), title, status, detail, null, List.of(), Map.of());
  }

  public Problem withViolations(List<Violation> list) {
    return new Problem(type, title, status, detail, instance, List.copyOf(list), extensions);
  }

  public Problem withInstance(String path) {
    return new Problem(type, title, status, detail, path, violations, extensions);
  }

  public Problem with(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extensions);
    more.put(name, value);
    return new Problem(type, title, status, detail, instance, violations, more);
  }

  @JsonAnyGetter
  public Map<String, Object> extensionMembers() {
    return extensions;
  }
}
