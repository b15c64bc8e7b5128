package jp.riss.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException;

/** The JSON path of the value Jackson could not bind, in the style {@code themes[1].name}. */
final class JsonPaths {

  private JsonPaths() {}

  static String of(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() > 0 ? "." : "").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "body" : path.toString();
  }
}
