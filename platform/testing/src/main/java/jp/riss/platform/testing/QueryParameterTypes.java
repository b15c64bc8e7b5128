package jp.riss.platform.testing;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The architecture rule for query parameters: they arrive as {@code String} (or a collection of
 * them) and are parsed by the platform helpers, so a bad value is a 400 naming the parameter. A
 * typed {@code int} or {@code long} would make JAX-RS answer a failed conversion with a 404.
 */
public final class QueryParameterTypes {

  // By name: platform-testing also serves the gateway, which has no JAX-RS on its class path.
  private static final Set<String> QUERY_ANNOTATIONS =
      Set.of("jakarta.ws.rs.QueryParam", "org.jboss.resteasy.reactive.RestQuery");

  private QueryParameterTypes() {}

  /** Every {@code @QueryParam} declared by a class under {@code rootPackage} that is not text. */
  public static List<String> typedIn(String rootPackage) throws IOException {
    List<String> typed = new ArrayList<>();
    for (Class<?> type : ClassesUnder.load(rootPackage)) {
      for (Field field : type.getDeclaredFields()) {
        check(typed, field, field.getGenericType(), type.getName() + "." + field.getName());
      }
      for (Method method : type.getDeclaredMethods()) {
        for (Parameter parameter : method.getParameters()) {
          check(
              typed,
              parameter,
              parameter.getParameterizedType(),
              type.getName() + "." + method.getName() + "(" + parameter.getName() + ")");
        }
      }
    }
    return typed;
  }

  /** How many classes the scan saw: a rule that checks nothing must not pass silently. */
  public static int classesSeen(String rootPackage) throws IOException {
    return ClassesUnder.load(rootPackage).size();
  }

  private static void check(List<String> typed, AnnotatedElement element, Type type, String where) {
    if (isQueryParameter(element) && !isText(type)) {
      typed.add(where + " is " + type.getTypeName());
    }
  }

  private static boolean isQueryParameter(AnnotatedElement element) {
    for (Annotation annotation : element.getAnnotations()) {
      if (QUERY_ANNOTATIONS.contains(annotation.annotationType().getName())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isText(Type type) {
    if (type == String.class) {
      return true;
    }
    return type instanceof ParameterizedType p
        && p.getRawType() instanceof Class<?> raw
        && Collection.class.isAssignableFrom(raw)
        && p.getActualTypeArguments()[0] == String.class;
  }
}
