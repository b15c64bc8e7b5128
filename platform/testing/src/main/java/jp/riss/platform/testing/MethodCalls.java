package jp.riss.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Every method call in a compiled class, for architecture rules that look at what code calls (its
 * lambdas compile into the same class, so a call hidden in one counts too).
 */
final class MethodCalls {

  /** One call: made in {@code caller}, with the JVM's opcode, owner, name and descriptor. */
  interface Call {
    void seen(String caller, int opcode, String owner, String called, String descriptor);
  }

  private MethodCalls() {}

  static void in(Class<?> type, Call call) throws IOException {
    try (InputStream bytes =
        type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
      if (bytes == null) {
        throw new IOException("no bytecode for " + type.getName());
      }
      new ClassReader(bytes)
          .accept(
              new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(
                    int access, String caller, String descriptor, String signature, String[] ex) {
                  return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(
                        int opcode, String owner, String called, String desc, boolean itf) {
                      call.seen(caller, opcode, owner, called, desc);
                    }
                  };
                }
              },
              ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }
  }
}
