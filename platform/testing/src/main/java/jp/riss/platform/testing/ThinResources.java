package jp.riss.platform.testing;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;

/**
 * The architecture rule for resource classes: HTTP in, a call to a service, HTTP out. A resource
 * holds no transaction boundary and touches no data access (entity queries, the entity manager,
 * JDBC, a data source): those belong to the service it calls, where they can be reused, tested and
 * kept to one style. Checked on the compiled classes, so a query hidden in a lambda counts too.
 */
public final class ThinResources {

  private static final Set<String> HTTP_ANNOTATIONS =
      Set.of(
          "jakarta.ws.rs.Path",
          "jakarta.ws.rs.GET",
          "jakarta.ws.rs.POST",
          "jakarta.ws.rs.PUT",
          "jakarta.ws.rs.PATCH",
          "jakarta.ws.rs.DELETE");

  private static final Set<String> TRANSACTION_ANNOTATIONS =
      Set.of("jakarta.transaction.Transactional", "io.quarkus.narayana.jta.Transactional");

  /** Packages whose use is data access, as internal names. */
  private static final List<String> DATA_ACCESS_PACKAGES =
      List.of(
          "jakarta/persistence/",
          "org/hibernate/",
          "java/sql/",
          "javax/sql/",
          "io/agroal/",
          "io/quarkus/hibernate/orm/panache/",
          "io/quarkus/narayana/jta/");

  private static final String PANACHE_ENTITY = "io.quarkus.hibernate.orm.panache.PanacheEntityBase";
  private static final String PANACHE_REPOSITORY =
      "io.quarkus.hibernate.orm.panache.PanacheRepositoryBase";

  /** The persistence operations an entity instance inherits from Panache. */
  private static final Set<String> PANACHE_OPERATIONS =
      Set.of("persist", "persistAndFlush", "delete", "isPersistent", "flush");

  private ThinResources() {}

  /** Every resource class under {@code rootPackage}. */
  public static List<Class<?>> resourcesIn(String rootPackage) throws IOException {
    List<Class<?>> resources = new ArrayList<>();
    for (Class<?> type : ClassesUnder.load(rootPackage)) {
      if (isResource(type)) {
        resources.add(type);
      }
    }
    return resources;
  }

  /** What each resource under {@code rootPackage} does that belongs in a service, one per line. */
  public static Set<String> violationsIn(String rootPackage) throws IOException {
    Set<String> found = new TreeSet<>();
    for (Class<?> resource : resourcesIn(rootPackage)) {
      String name = resource.getSimpleName();
      if (hasAny(resource.getAnnotations(), TRANSACTION_ANNOTATIONS)) {
        found.add(name + " is @Transactional");
      }
      for (Method method : resource.getDeclaredMethods()) {
        if (hasAny(method.getAnnotations(), TRANSACTION_ANNOTATIONS)) {
          found.add(name + "." + method.getName() + " is @Transactional");
        }
      }
      for (Field field : resource.getDeclaredFields()) {
        if (isDataAccess(field.getType().getName().replace('.', '/'))) {
          found.add(name + "." + field.getName() + " holds " + field.getType().getSimpleName());
        }
      }
      for (String call : calls(resource)) {
        found.add(name + " calls " + call);
      }
    }
    return found;
  }

  private static boolean isResource(Class<?> type) {
    if (type.isInterface() || hasAny(type.getAnnotations(), Set.of("jakarta.ws.rs.Path"))) {
      return !type.isInterface();
    }
    for (Method method : type.getDeclaredMethods()) {
      if (hasAny(method.getAnnotations(), HTTP_ANNOTATIONS)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasAny(Annotation[] annotations, Set<String> names) {
    for (Annotation annotation : annotations) {
      if (names.contains(annotation.annotationType().getName())) {
        return true;
      }
    }
    return false;
  }

  /** The data-access calls in a class's bytecode (its lambdas compile into the same class). */
  private static Set<String> calls(Class<?> type) throws IOException {
    ClassLoader loader = type.getClassLoader();
    Set<String> found = new TreeSet<>();
    MethodCalls.in(
        type,
        (caller, opcode, owner, method, desc) -> {
          // An entity's own fields (read through accessors) are fine to map; its queries, static
          // finders and persistence operations are not.
          boolean query =
              isDataAccess(owner)
                  || isPanacheType(owner, loader)
                      && (opcode == Opcodes.INVOKESTATIC || PANACHE_OPERATIONS.contains(method));
          if (query) {
            found.add(owner.substring(owner.lastIndexOf('/') + 1) + "." + method);
          }
        });
    return found;
  }

  private static boolean isDataAccess(String internalName) {
    return DATA_ACCESS_PACKAGES.stream().anyMatch(internalName::startsWith);
  }

  private static boolean isPanacheType(String internalName, ClassLoader loader) {
    if (internalName.startsWith("java/") || internalName.startsWith("jakarta/")) {
      return false;
    }
    try {
      Class<?> owner = Class.forName(internalName.replace('/', '.'), false, loader);
      return assignableTo(owner, PANACHE_ENTITY, loader)
          || assignableTo(owner, PANACHE_REPOSITORY, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static boolean assignableTo(Class<?> type, String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader).isAssignableFrom(type);
    } catch (ClassNotFoundException e) {
      // A service without Panache has no Panache types to call.
      return false;
    }
  }
}
