package dev.homelab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.Homelab;
import dev.homelab.ansible.AnsibleBackend;
import dev.homelab.cli.HomelabCli;
import dev.homelab.github.GitHubActionsBackend;
import dev.homelab.k8s.KubernetesBackend;
import dev.homelab.terraform.TerraformBackend;
import dev.homelab.testing.Labs;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published modules' descriptors keep the public surface small and whole: no descriptor exports
 * an internal package to everyone (a qualified export to the project's own modules is fine), and the
 * public signatures of an exported package name only types a user of that module can reach: the
 * JDK's, an exported package of ours, or a library's the module requires transitively (directly or
 * through the modules it requires transitively). javac checks none of this ({@code -Xlint:exports}
 * only warns). Tests run on the classpath, so the descriptors are read from the class folders or
 * jars the modules were loaded from.
 */
class ModuleDescriptorsTest {
  /** A class of every published module with a descriptor. */
  private static final List<Class<?>> MODULES = List.of(Homelab.class, KubernetesBackend.class, AnsibleBackend.class,
      TerraformBackend.class, GitHubActionsBackend.class, HomelabCli.class, Labs.class);

  @Test
  void should_give_every_published_module_a_descriptor_that_exports_no_internal_package() {
    List<String> wrong = new ArrayList<>();
    for (ModuleReference module : ours()) {
      ModuleDescriptor descriptor = module.descriptor();
      assertThat(descriptor.isAutomatic()).as(descriptor.name() + " has a module-info.class").isFalse();
      for (Exports export : descriptor.exports()) {
        if (!export.isQualified() && isInternal(export.source())) {
          wrong.add(descriptor.name() + " exports " + export.source() + " to every module");
        }
      }
    }

    assertThat(wrong).isEmpty();
  }

  @Test
  void should_name_only_types_a_user_of_the_module_can_reach_in_the_public_signatures_of_exported_packages()
      throws IOException {
    Map<String, ModuleDescriptor> descriptors = descriptorsOnTheClassPath();
    Map<String, String> moduleOfOurPackage = new HashMap<>();
    Set<String> exported = new HashSet<>();
    for (ModuleReference module : ours()) {
      module.descriptor().packages().forEach(p -> moduleOfOurPackage.put(p, module.descriptor().name()));
      module.descriptor().exports().stream().filter(e -> !e.isQualified()).forEach(e -> exported.add(e.source()));
    }

    Set<String> wrong = new TreeSet<>();
    int checked = 0;
    for (ModuleReference module : ours()) {
      ModuleDescriptor descriptor = module.descriptor();
      Set<String> reachable = transitivelyRead(descriptor, descriptors);
      for (Class<?> type : apiTypes(module)) {
        checked++;
        for (Class<?> used : signatureTypes(type)) {
          String pkg = used.getPackageName();
          if (pkg.startsWith("java.") || pkg.startsWith("javax.") || used.isPrimitive()) {
            continue;
          }
          String owner = moduleOfOurPackage.containsKey(pkg) ? moduleOfOurPackage.get(pkg) : moduleOf(used).orElse("?");
          if (moduleOfOurPackage.containsKey(pkg) && !exported.contains(pkg)) {
            wrong.add(type.getName() + " names " + used.getName() + ", whose package " + descriptor.name()
                + "'s users cannot read: export it or keep it out of the signature");
          } else if (!reachable.contains(owner)) {
            wrong.add(type.getName() + " names " + used.getName() + " of module " + owner + ": " + descriptor.name()
                + " must require it transitively");
          }
        }
      }
    }

    assertThat(checked).as("public types of exported packages checked").isGreaterThan(100);
    assertThat(wrong).isEmpty();
  }

  @Test
  void should_report_a_signature_that_names_a_type_of_a_non_exported_package() {
    // dev.homelab.internal is exported to the project's modules only.
    assertThat(signatureTypes(Leaky.class)).contains(dev.homelab.internal.Texts.class);
    assertThat(isInternal("dev.homelab.internal")).isTrue();
    assertThat(isInternal("dev.homelab.model")).isFalse();
  }

  /** A type whose public method leaks an internal class, to check the scan sees it. */
  @SuppressWarnings("unused")
  static final class Leaky {
    public Optional<dev.homelab.internal.Texts> texts() {
      return Optional.empty();
    }
  }

  private static boolean isInternal(String pkg) {
    return List.of(pkg.split("\\.")).contains("internal");
  }

  private static List<ModuleReference> ours() {
    return MODULES.stream().map(type -> single(ModuleFinder.of(location(type)))).collect(Collectors.toList());
  }

  private static ModuleReference single(ModuleFinder finder) {
    Set<ModuleReference> all = finder.findAll();
    assertThat(all).hasSize(1);
    return all.iterator().next();
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The module a library class was loaded from: its jar's descriptor, or the automatic module it makes. */
  private static Optional<String> moduleOf(Class<?> type) {
    try {
      return ModuleFinder.of(location(type)).findAll().stream().map(m -> m.descriptor().name()).findFirst();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Descriptors of every jar and module folder of the test classpath, by module name. */
  private static Map<String, ModuleDescriptor> descriptorsOnTheClassPath() {
    Map<String, ModuleDescriptor> all = new HashMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      try {
        ModuleFinder.of(Path.of(entry)).findAll().forEach(m -> all.putIfAbsent(m.descriptor().name(), m.descriptor()));
      } catch (RuntimeException e) {
        // a folder of classes without a descriptor (test classes): no module
      }
    }
    return all;
  }

  /** {@code descriptor}'s module and every module a module requiring it reads through it. */
  private static Set<String> transitivelyRead(ModuleDescriptor descriptor, Map<String, ModuleDescriptor> descriptors) {
    Set<String> read = new HashSet<>(Set.of(descriptor.name()));
    Deque<ModuleDescriptor> next = new ArrayDeque<>(List.of(descriptor));
    while (!next.isEmpty()) {
      for (Requires requires : next.pop().requires()) {
        if (requires.modifiers().contains(Requires.Modifier.TRANSITIVE) && read.add(requires.name())
            && descriptors.containsKey(requires.name())) {
          next.push(descriptors.get(requires.name()));
        }
      }
    }
    return read;
  }

  /** The public types, nested ones included, of the packages {@code module} exports to everyone. */
  private static List<Class<?>> apiTypes(ModuleReference module) throws IOException {
    Set<String> exported = module.descriptor().exports().stream().filter(e -> !e.isQualified())
        .map(Exports::source).collect(Collectors.toSet());
    List<Class<?>> types = new ArrayList<>();
    try (ModuleReader reader = module.open(); Stream<String> resources = reader.list()) {
      for (String resource : resources.sorted().collect(Collectors.toList())) {
        int slash = resource.lastIndexOf('/');
        if (!resource.endsWith(".class") || slash < 0 || resource.endsWith("-info.class")) {
          continue;
        }
        if (!exported.contains(resource.substring(0, slash).replace('/', '.'))) {
          continue;
        }
        Class<?> type = load(resource.substring(0, resource.length() - ".class".length()).replace('/', '.'));
        if (isVisible(type)) {
          types.add(type);
        }
      }
    }
    return types;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ModuleDescriptorsTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Public, or protected in a visible type, and every enclosing type visible too. */
  private static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      boolean nested = t.getDeclaringClass() != null;
      if (!Modifier.isPublic(t.getModifiers()) && !(nested && Modifier.isProtected(t.getModifiers()))) {
        return false;
      }
    }
    return !type.isSynthetic() && !type.isAnonymousClass() && !type.isLocalClass();
  }

  /** Every class named in {@code type}'s supertypes and its public or protected members' signatures. */
  static Set<Class<?>> signatureTypes(Class<?> type) {
    List<Type> named = new ArrayList<>();
    if (type.getGenericSuperclass() != null) {
      named.add(type.getGenericSuperclass());
    }
    named.addAll(List.of(type.getGenericInterfaces()));
    named.addAll(List.of(type.getTypeParameters()));
    for (Field field : type.getDeclaredFields()) {
      if (isApi(field)) {
        named.add(field.getGenericType());
      }
    }
    List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
    executables.addAll(List.of(type.getDeclaredConstructors()));
    for (Executable executable : executables) {
      if (!isApi(executable) || (executable instanceof Method && ((Method) executable).isBridge())) {
        continue;
      }
      if (executable instanceof Method) {
        named.add(((Method) executable).getGenericReturnType());
      }
      if (executable instanceof Constructor && type.isEnum()) {
        continue;
      }
      named.addAll(List.of(executable.getGenericParameterTypes()));
      named.addAll(List.of(executable.getGenericExceptionTypes()));
      named.addAll(List.of(executable.getTypeParameters()));
    }
    Set<Class<?>> classes = new HashSet<>();
    Set<Type> seen = new HashSet<>();
    named.forEach(t -> collect(t, classes, seen));
    return classes;
  }

  private static boolean isApi(Member member) {
    int modifiers = member.getModifiers();
    return !member.isSynthetic() && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
  }

  private static void collect(Type type, Set<Class<?>> classes, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof Class<?>) {
      Class<?> c = (Class<?>) type;
      classes.add(c.isArray() ? elementOf(c) : c);
    } else if (type instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) type;
      collect(p.getRawType(), classes, seen);
      for (Type argument : p.getActualTypeArguments()) {
        collect(argument, classes, seen);
      }
    } else if (type instanceof WildcardType) {
      WildcardType w = (WildcardType) type;
      Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds())).forEach(t -> collect(t, classes, seen));
    } else if (type instanceof TypeVariable<?>) {
      for (Type bound : ((TypeVariable<?>) type).getBounds()) {
        collect(bound, classes, seen);
      }
    } else if (type instanceof GenericArrayType) {
      collect(((GenericArrayType) type).getGenericComponentType(), classes, seen);
    }
  }

  private static Class<?> elementOf(Class<?> array) {
    Class<?> c = array;
    while (c.isArray()) {
      c = c.getComponentType();
    }
    return c;
  }
}
