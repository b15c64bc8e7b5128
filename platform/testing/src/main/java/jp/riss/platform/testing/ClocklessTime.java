package jp.riss.platform.testing;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;

/**
 * The architecture rule for time: application code reads the current time from the injected {@code
 * java.time.Clock}, never from a {@code java.time} type's no-argument {@code now()} (the system
 * clock in the system zone), so that whatever time decides can be tested by moving a clock. Checked
 * on the compiled classes, so a call hidden in a lambda counts too.
 */
public final class ClocklessTime {

  private ClocklessTime() {}

  /** Each application class under {@code rootPackage} that calls a no-argument {@code now()}. */
  public static Set<String> callsIn(String rootPackage) throws IOException {
    Set<String> found = new TreeSet<>();
    for (Class<?> type : ClassesUnder.load(rootPackage)) {
      String name = type.getName().substring(rootPackage.length() + 1);
      MethodCalls.in(
          type,
          (method, opcode, owner, called, desc) -> {
            if (opcode == Opcodes.INVOKESTATIC
                && owner.startsWith("java/time/")
                && called.equals("now")
                && desc.startsWith("()")) {
              found.add(
                  name
                      + "."
                      + method
                      + " calls "
                      + owner.substring(owner.lastIndexOf('/') + 1)
                      + ".now()");
            }
          });
    }
    return found;
  }
}
