package jp.riss.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The name a client knows a violated method parameter by: the query, header, path or form name of
 * the contract ({@code If-Match}, {@code limit}), not the Java parameter's name ({@code ifMatch}).
 * Without it a problem would name a field the client never sent.
 */
final class ParameterNames {

  private static final Map<String, Optional<String>> CACHE = new ConcurrentHashMap<>();

  private ParameterNames() {}

  /** The HTTP name of the parameter the violation is about, if it is one of a resource method. */
  static Optional<String> of(ConstraintViolation<?> violation) {
    Path.MethodNode method = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD) {
        method = node.as(Path.MethodNode.class);
      } else if (node.getKind() == ElementKind.PARAMETER && method != null) {
        int index = node.as(Path.ParameterNode.class).getParameterIndex();
        Class<?> type = violation.getRootBeanClass();
        Path.MethodNode found = method;
        String key = type.getName() + "#" + found.getName() + found.getParameterTypes() + index;
        return CACHE.computeIfAbsent(key, k -> lookUp(type, found, index));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> lookUp(Class<?> type, Path.MethodNode node, int index) {
    Class<?>[] parameterTypes = node.getParameterTypes().toArray(Class<?>[]::new);
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Method method = c.getDeclaredMethod(node.getName(), parameterTypes);
        Optional<String> name =
            nameIn(List.of(method.getParameterAnnotations()[index]), method, index);
        if (name.isPresent()) {
          return name;
        }
        // an interceptor subclass overrides the method without its annotations: look further up
      } catch (NoSuchMethodException e) {
        // declared further up (CDI subclasses sit between the runtime class and the resource)
      }
    }
    return Optional.empty();
  }

  private static Optional<String> nameIn(List<Annotation> annotations, Method method, int index) {
    String javaName = method.getParameters()[index].getName();
    for (Annotation a : annotations) {
      String name = annotatedName(a);
      if (name != null) {
        return Optional.of(name.isEmpty() ? javaName : name);
      }
    }
    return Optional.empty();
  }

  private static String annotatedName(Annotation a) {
    if (a instanceof QueryParam q) return q.value();
    if (a instanceof HeaderParam h) return h.value();
    if (a instanceof PathParam p) return p.value();
    if (a instanceof FormParam f) return f.value();
    if (a instanceof CookieParam c) return c.value();
    if (a instanceof RestQuery q) return q.value();
    if (a instanceof RestHeader h) return h.value();
    if (a instanceof RestPath p) return p.value();
    if (a instanceof RestForm f) return f.value();
    if (a instanceof RestCookie c) return c.value();
    return null;
  }
}
