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
 * be silently ignored and answer an unfiltered list): a 400 naming each one. What an operation
 * declares is read from the matched resource method (its {@code @QueryParam}s, those of its
 * {@code @BeanParam}s and of the resource class) and from the operation's parameters in the
 * checked-in contract, for methods that read the query as a whole; so no endpoint keeps a list.
 */
public class DeclaredQueryParameters {

  private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

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
    Set<String> known =
        declared.computeIfAbsent(
            method, m -> declaredBy(resource.getResourceClass(), m, request.getMethod()));
    List<Problem.Violation> unknown = new ArrayList<>();
    for (String name : new TreeSet<>(sent.keySet())) {
      if (!known.contains(name)) {
        unknown.add(new Problem.Violation(name, "is not a parameter of this operation"));
      }
    }
    if (!unknown.isEmpty()) {
      throw new ProblemException(Problems.validation(unknown));
    }
  }

  private Set<String> declaredBy(Class<?> type, Method method, String httpMethod) {
    Set<String> names = new TreeSet<>();
    for (Parameter parameter : method.getParameters()) {
      addName(names, parameter, parameter.getName());
      if (parameter.isAnnotationPresent(BeanParam.class)) {
        fieldsOf(parameter.getType(), names);
      }
    }
    fieldsOf(type, names);
    names.addAll(contract.queryParameters(httpMethod, template(type, method)));
    return Set.copyOf(names);
  }

  private static void fieldsOf(Class<?> type, Set<String> names) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        addName(names, field, field.getName());
        if (field.isAnnotationPresent(BeanParam.class)) {
          fieldsOf(field.getType(), names);
        }
      }
    }
  }

  private static void addName(Set<String> names, AnnotatedElement element, String javaName) {
    QueryParam query = element.getAnnotation(QueryParam.class);
    if (query != null) {
      names.add(query.value());
    }
    RestQuery rest = element.getAnnotation(RestQuery.class);
    if (rest != null) {
      names.add(rest.value().isEmpty() ? javaName : rest.value());
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
