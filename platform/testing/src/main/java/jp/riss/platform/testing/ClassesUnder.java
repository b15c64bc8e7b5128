package jp.riss.platform.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

/** The compiled application classes under a package, for architecture rules that read them. */
final class ClassesUnder {

  private ClassesUnder() {}

  static List<Class<?>> load(String rootPackage) throws IOException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    List<Class<?>> classes = new ArrayList<>();
    Enumeration<URL> roots = loader.getResources(rootPackage.replace('.', '/'));
    while (roots.hasMoreElements()) {
      URL root = roots.nextElement();
      // Only the application's own classes: test fixtures may do what the application must not.
      if (!"file".equals(root.getProtocol()) || root.getPath().contains("/test-classes/")) {
        continue;
      }
      Path dir;
      try {
        dir = Path.of(root.toURI());
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
          String relative = dir.relativize(file).toString().replace('/', '.');
          String name = rootPackage + "." + relative.substring(0, relative.length() - 6);
          try {
            classes.add(Class.forName(name, false, loader));
          } catch (ClassNotFoundException | LinkageError e) {
            // generated or test-only classes the application cannot load: not resources
          }
        }
      }
    }
    return classes;
  }
}
