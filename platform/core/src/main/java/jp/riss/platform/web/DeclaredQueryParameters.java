package jp.riss.platform.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses any query parameter the operation does not declare ({@code prefectur=13} would otherwise
 * be silently ignored and answer an unfiltered list), and any declared one given twice that is not
 * repeatable ({@code limit=5&limit=500}: which one would count?): a 400 naming each one. What an
 * operation declares is read from the matched resource method (its {@code @QueryParam}s, those of
 * its {@code @BeanParam}s and of the resource class) and from the operation's parameters in the
 * checked-in contract, for methods that read the query as a whole; so no endpoint keeps a list.
 */
public class DeclaredQueryParameters {

  /** What an operation takes: every name, and those that may be given more than once. */
  private record Declared(Set<String> names, Set<String> repeatable) {}

  private final Map<Method, Declared> declared = new ConcurrentHashMap<>();

  @Inject ContractOperations contract;

  @ServerRequestFilter
  public void refuseUndeclared(ContainerRequestContext request, ResourceInfo resource) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    Map<String, List<String>> sent = request.getUriInfo().getQueryParameters();
    if (sent.isEmpty()) {
      return;
    }
    Declared known =
        declared.computeIfAbsent(
            method, m -> declaredBy(resource.getResourceClass(), m, request.getMethod()));
    List<Problem.Violation> wrong = new ArrayList<>();
    for (String name : new TreeSet<>(sent.keySet())) {
      if (!known.names().contains(name)) {
        wrong.add(new Problem.Violation(name, "is not a parameter of this operation"));
      } else if (sent.get(name).size() > 1 && !known.repeatable().contains(name)) {
        wrong.add(new Problem.Violation(name, "must be given once"));
      }
    }
    if (!wrong.isEmpty()) {
      throw new ProblemException(Problems.validation(wrong));
    }
  }

  private Declared declaredBy(Class<?> type, Method method, String httpMethod) {
    Set<String> names = new TreeSet<>();
    Set<String> repeatable = new TreeSet<>();
    for (Parameter parameter : method.getParameters()) {
      addName(names, repeatable, parameter, parameter.getName(), parameter.getType());
      if (parameter.isAnnotationPresent(BeanParam.class)) {
        fieldsOf(parameter.getType(), names, repeatable);
      }
    }
    fieldsOf(type, names, repeatable);
    String template = template(type, method);
    names.addAll(contract.queryParameters(httpMethod, template));
    repeatable.addAll(contract.repeatableQueryParameters(httpMethod, template));
    return new Declared(Set.copyOf(names), Set.copyOf(repeatable));
  }

  private static void fieldsOf(Class<?> type, Set<String> names, Set<String> repeatable) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        addName(names, repeatable, field, field.getName(), field.getType());
        if (field.isAnnotationPresent(BeanParam.class)) {
          fieldsOf(field.getType(), names, repeatable);
        }
      }
    }
  }

  private static void addName(
      Set<String> names,
      Set<String> repeatable,
      AnnotatedElement element,
      String javaName,
      Class<?> javaType) {
    String name = null;
    QueryParam query = element.getAnnotation(QueryParam.class);
    if (query != null) {
      name = query.value();
    }
    RestQuery rest = element.getAnnotation(RestQuery.class);
    if (rest != null) {
      name = rest.value().isEmpty() ? javaName : rest.value();
    }
    if (name != null) {
      names.add(name);
      // A collection parameter collects every value given; a single one would keep only the first.
      if (Collection.class.isAssignableFrom(javaType)) {
        repeatable.add(name);
      }
    }
  }

  /** The path template of a resource method, as the class and method {@code @Path}s join it. */
  static String template(Class<?> type, Method method) {
    String base = pathOf(type.getAnnotation(Path.class));
    String own = pathOf(method.getAnnotation(Path.class));
    String joined = (base + "/" + own).replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }

  private static String pathOf(Path path) {
    return path == null ? "" : path.value();
  }
}
