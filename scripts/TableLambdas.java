import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Build step (process-classes) that links the method references of the XML codec tables ahead of
 * time. Every {@code X::m} or {@code x -> ...} in a table is an invokedynamic that the JVM turns into
 * a freshly spun class the first time it runs: about a thousand of them for a first domain document,
 * which is most of what a cold start costs. This rewrites, in each class whose name matches the
 * pattern (by default the {@code *Codecs} classes and their nested classes), every non-capturing
 * LambdaMetafactory call site into a read of a static field of one small generated class per
 * functional interface ({@code Owner$$Fn$Function}, ...), whose single method dispatches on the site's
 * number with a switch and calls the same target directly. Semantics are those of the lambda
 * (same target, same argument casts, boxing and unboxing); capturing lambdas and targets the
 * generated class could not reach stay as they are. The tables' source does not change, so a table
 * written tomorrow is linked ahead the same way; without this step everything still works, just
 * with a slower first document.
 *
 * <p>Usage: {@code java -cp asm.jar scripts/TableLambdas.java CLASSES_DIR [CLASS_NAME_REGEX]}
 * (the regex matches internal names such as {@code io/kvmsdk/core/internal/domain/NicCodecs}).
 */
public final class TableLambdas {
  private static final String LMF = "java/lang/invoke/LambdaMetafactory";

  /** The codec tables, the value types, and the document model packages they build (Immutables code and rules). */
  static final String DEFAULT_CLASSES =
      "io/kvmsdk/(core/.*Codecs|core/xml/ValueType|core/(domain|common|capabilities|network|storage|nwfilter|secret)/[^/]+)(\\$.*)?";

  /** Call sites per generated class. */
  static final int CHUNK = 128;

  /** One rewritten call site: its number in its generated class, and the class's key (interface#chunk). */
  record Site(int id, String field, String iface, String samName, Type samType, Handle impl, Type instantiated) {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Pattern include = Pattern.compile(args.length > 1 ? args[1] : DEFAULT_CLASSES);
    List<Path> classes;
    try (Stream<Path> s = Files.walk(dir)) {
      classes = s.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
    }
    int files = 0;
    int sites = 0;
    for (Path p : classes) {
      String name = dir.relativize(p).toString().replace('\\', '/');
      name = name.substring(0, name.length() - ".class".length());
      if (!include.matcher(name).matches() || name.contains("$$Fn$")) continue;
      int n = rewrite(dir, p, name);
      if (n > 0) {
        files++;
        sites += n;
      }
    }
    // silent (a `mvn -q` build prints nothing); -Dkvmsdk.tableLambdas.verbose=true on the exec's JVM says what was linked
    if (files > 0 && Boolean.getBoolean("kvmsdk.tableLambdas.verbose")) {
      System.out.println("TableLambdas: linked " + sites + " lambda call sites ahead of time in " + files + " classes");
    }
  }

  static boolean rewritable(String owner, String desc, Handle bsm, Object[] bsmArgs) {
    if (!bsm.getOwner().equals(LMF) || !bsm.getName().equals("metafactory")) return false;
    if (!desc.startsWith("()")) return false; // capturing: left as a lambda
    Handle impl = (Handle) bsmArgs[1];
    switch (impl.getTag()) {
      case Opcodes.H_INVOKESTATIC:
      case Opcodes.H_INVOKEVIRTUAL:
      case Opcodes.H_INVOKEINTERFACE:
      case Opcodes.H_NEWINVOKESPECIAL:
        break;
      default:
        return false;
    }
    // A private target of another class (a nestmate) is out of reach; this class's own are opened below.
    String implOwner = impl.getOwner();
    if (!implOwner.equals(owner) && nestOf(implOwner).equals(nestOf(owner))) return false;
    return true;
  }

  static String nestOf(String internalName) {
    int i = internalName.indexOf('$');
    return i < 0 ? internalName : internalName.substring(0, i);
  }

  static int rewrite(Path dir, Path file, String owner) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ClassReader cr = new ClassReader(bytes);
    // Pass 1: the sites, and the methods of this class they target.
    Map<String, List<Site>> byIface = new LinkedHashMap<>();
    Set<String> targets = new HashSet<>();
    List<Site> all = new ArrayList<>();
    List<Site> decisions = new ArrayList<>(); // per invokedynamic in visiting order: its site, or null to keep it
    Map<String, Integer> count = new HashMap<>();
    cr.accept(new ClassVisitor(Opcodes.ASM9) {
      @Override public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
        return new MethodVisitor(Opcodes.ASM9) {
          @Override public void visitInvokeDynamicInsn(String n, String d, Handle bsm, Object... a) {
            if (!rewritable(owner, d, bsm, a)) {
              decisions.add(null);
              return;
            }
            String iface = Type.getReturnType(d).getInternalName();
            int k = count.merge(iface, 1, Integer::sum) - 1;
            // Chunks of CHUNK sites per generated class keep each dispatch method far below the JIT's
            // 8,000-byte limit for compiling a method at all (and quick to compile).
            String key = iface + "#" + k / CHUNK;
            Site s = new Site(k % CHUNK, "f" + k % CHUNK, key, n, (Type) a[0], (Handle) a[1], (Type) a[2]);
            try {
              body(new MethodVisitor(Opcodes.ASM9) {}, s); // a conversion this tool does not do: leave the lambda
            } catch (RuntimeException e) {
              decisions.add(null);
              return;
            }
            decisions.add(s);
            all.add(s);
            byIface.computeIfAbsent(key, x -> new ArrayList<>()).add(s);
            if (s.impl().getOwner().equals(owner)) targets.add(s.impl().getName() + s.impl().getDesc());
          }
        };
      }
    }, 0);
    if (all.isEmpty()) return 0;
    Map<String, String> fnClass = new LinkedHashMap<>();
    for (String key : byIface.keySet()) {
      String iface = key.substring(0, key.indexOf('#'));
      String simple = iface.substring(iface.lastIndexOf('/') + 1).replace('$', '_');
      fnClass.put(key, owner + "$$Fn$" + simple + "$" + key.substring(key.indexOf('#') + 1));
    }
    // Pass 2: each site reads its function from the generated class; targets lose 'private'.
    int[] next = {0};
    ClassWriter cw = new ClassWriter(cr, ClassWriter.COMPUTE_MAXS);
    cr.accept(new ClassVisitor(Opcodes.ASM9, cw) {
      @Override public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
        int acc = targets.contains(name + desc) ? access & ~Opcodes.ACC_PRIVATE : access;
        return new MethodVisitor(Opcodes.ASM9, super.visitMethod(acc, name, desc, sig, ex)) {
          @Override public void visitInvokeDynamicInsn(String n, String d, Handle bsm, Object... a) {
            Site s = decisions.get(next[0]++);
            if (s == null) {
              super.visitInvokeDynamicInsn(n, d, bsm, a);
              return;
            }
            String iface = s.iface().substring(0, s.iface().indexOf('#'));
            super.visitFieldInsn(Opcodes.GETSTATIC, fnClass.get(s.iface()), s.field(), "L" + iface + ";");
          }
        };
      }
    }, 0);
    Files.write(file, cw.toByteArray());
    for (Map.Entry<String, List<Site>> e : byIface.entrySet()) {
      String cls = fnClass.get(e.getKey());
      Files.write(dir.resolve(cls + ".class"), dispatcher(cls, e.getKey().substring(0, e.getKey().indexOf('#')), e.getValue()));
    }
    return all.size();
  }

  /** {@code final class cls implements iface}: one static instance per site, one switch over them. */
  static byte[] dispatcher(String cls, String iface, List<Site> sites) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES) {
      @Override protected String getCommonSuperClass(String a, String b) { return "java/lang/Object"; }
    };
    cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, cls, null, "java/lang/Object", new String[] {iface});
    cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "id", "I", null, null).visitEnd();
    for (Site s : sites) {
      cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, s.field(), "L" + iface + ";", null, null).visitEnd();
    }
    MethodVisitor init = cw.visitMethod(Opcodes.ACC_PRIVATE, "<init>", "(I)V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitVarInsn(Opcodes.ILOAD, 1);
    init.visitFieldInsn(Opcodes.PUTFIELD, cls, "id", "I");
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    MethodVisitor clinit = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
    clinit.visitCode();
    for (Site s : sites) {
      clinit.visitTypeInsn(Opcodes.NEW, cls);
      clinit.visitInsn(Opcodes.DUP);
      clinit.visitLdcInsn(s.id());
      clinit.visitMethodInsn(Opcodes.INVOKESPECIAL, cls, "<init>", "(I)V", false);
      clinit.visitFieldInsn(Opcodes.PUTSTATIC, cls, s.field(), "L" + iface + ";");
    }
    clinit.visitInsn(Opcodes.RETURN);
    clinit.visitMaxs(0, 0);
    clinit.visitEnd();

    // The functional method: sites of one interface share its name and erased descriptor.
    Map<String, List<Site>> bySam = new LinkedHashMap<>();
    for (Site s : sites) bySam.computeIfAbsent(s.samName() + s.samType().getDescriptor(), k -> new ArrayList<>()).add(s);
    for (List<Site> group : bySam.values()) {
      Site first = group.get(0);
      Type sam = first.samType();
      MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, first.samName(), sam.getDescriptor(), null, null);
      mv.visitCode();
      Label dflt = new Label();
      Label[] labels = new Label[group.size()];
      int[] keys = new int[group.size()];
      for (int i = 0; i < group.size(); i++) {
        labels[i] = new Label();
        keys[i] = group.get(i).id();
      }
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitFieldInsn(Opcodes.GETFIELD, cls, "id", "I");
      boolean dense = keys[keys.length - 1] - keys[0] == keys.length - 1;
      if (dense) mv.visitTableSwitchInsn(keys[0], keys[keys.length - 1], dflt, labels);
      else mv.visitLookupSwitchInsn(dflt, keys, labels);
      for (int i = 0; i < group.size(); i++) {
        mv.visitLabel(labels[i]);
        body(mv, group.get(i));
      }
      mv.visitLabel(dflt);
      mv.visitTypeInsn(Opcodes.NEW, "java/lang/AssertionError");
      mv.visitInsn(Opcodes.DUP);
      mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/AssertionError", "<init>", "()V", false);
      mv.visitInsn(Opcodes.ATHROW);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
    cw.visitEnd();
    return cw.toByteArray();
  }

  /** Loads the arguments as the target takes them, calls it, and returns as the interface does. */
  static void body(MethodVisitor mv, Site s) {
    Handle h = s.impl();
    Type[] samArgs = s.samType().getArgumentTypes();
    Type[] inst = s.instantiated().getArgumentTypes();
    Type implType = Type.getMethodType(h.getDesc());
    List<Type> targetArgs = new ArrayList<>();
    if (h.getTag() == Opcodes.H_INVOKEVIRTUAL || h.getTag() == Opcodes.H_INVOKEINTERFACE) {
      targetArgs.add(Type.getObjectType(h.getOwner()));
    }
    for (Type t : implType.getArgumentTypes()) targetArgs.add(t);
    if (targetArgs.size() != samArgs.length) throw new IllegalStateException("arity differs at " + h);
    if (h.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
      mv.visitTypeInsn(Opcodes.NEW, h.getOwner());
      mv.visitInsn(Opcodes.DUP);
    }
    int slot = 1;
    for (int i = 0; i < samArgs.length; i++) {
      mv.visitVarInsn(samArgs[i].getOpcode(Opcodes.ILOAD), slot);
      slot += samArgs[i].getSize();
      convert(mv, samArgs[i], inst[i], targetArgs.get(i));
    }
    switch (h.getTag()) {
      case Opcodes.H_INVOKESTATIC:
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, h.getOwner(), h.getName(), h.getDesc(), h.isInterface());
        break;
      case Opcodes.H_INVOKEVIRTUAL:
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, h.getOwner(), h.getName(), h.getDesc(), false);
        break;
      case Opcodes.H_INVOKEINTERFACE:
        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, h.getOwner(), h.getName(), h.getDesc(), true);
        break;
      case Opcodes.H_NEWINVOKESPECIAL:
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, h.getOwner(), "<init>", h.getDesc(), false);
        break;
      default:
        throw new IllegalStateException();
    }
    Type produced = h.getTag() == Opcodes.H_NEWINVOKESPECIAL ? Type.getObjectType(h.getOwner()) : implType.getReturnType();
    Type samRet = s.samType().getReturnType();
    if (samRet.getSort() == Type.VOID) {
      if (produced.getSize() == 2) mv.visitInsn(Opcodes.POP2);
      else if (produced.getSize() == 1) mv.visitInsn(Opcodes.POP);
      mv.visitInsn(Opcodes.RETURN);
      return;
    }
    Type instRet = s.instantiated().getReturnType();
    convert(mv, produced, instRet, samRet);
    mv.visitInsn(samRet.getOpcode(Opcodes.IRETURN));
  }

  /** Converts the value on the stack from {@code from} to {@code to} as LambdaMetafactory would ({@code via} is the instantiated type). */
  static void convert(MethodVisitor mv, Type from, Type via, Type to) {
    boolean fromPrim = from.getSort() < Type.ARRAY;
    boolean toPrim = to.getSort() < Type.ARRAY;
    if (!fromPrim && !toPrim) {
      Type cast = to.getDescriptor().equals("Ljava/lang/Object;") ? via : to;
      if (!cast.getDescriptor().equals("Ljava/lang/Object;") && !cast.equals(from)) {
        mv.visitTypeInsn(Opcodes.CHECKCAST, cast.getInternalName());
      }
    } else if (!fromPrim) { // unbox
      String box = boxOf(to);
      if (via.getSort() == Type.OBJECT && !via.getInternalName().equals(box) && !via.getInternalName().startsWith("java/lang/Object")) {
        throw new IllegalStateException("unboxing " + via + " to " + to + " not supported");
      }
      mv.visitTypeInsn(Opcodes.CHECKCAST, box);
      mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, box, to.getClassName() + "Value", "()" + to.getDescriptor(), false);
    } else if (!toPrim) { // box
      String box = boxOf(from);
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, box, "valueOf", "(" + from.getDescriptor() + ")L" + box + ";", false);
    } else if (from.getSort() != to.getSort()) {
      throw new IllegalStateException("primitive widening not supported: " + from + " -> " + to);
    }
  }

  static String boxOf(Type t) {
    switch (t.getSort()) {
      case Type.BOOLEAN: return "java/lang/Boolean";
      case Type.CHAR: return "java/lang/Character";
      case Type.BYTE: return "java/lang/Byte";
      case Type.SHORT: return "java/lang/Short";
      case Type.INT: return "java/lang/Integer";
      case Type.FLOAT: return "java/lang/Float";
      case Type.LONG: return "java/lang/Long";
      case Type.DOUBLE: return "java/lang/Double";
      default: throw new IllegalArgumentException(t.toString());
    }
  }

  private TableLambdas() {}
}
