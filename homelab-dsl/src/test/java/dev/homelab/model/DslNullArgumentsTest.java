package dev.homelab.model;

import dev.homelab.internal.Arguments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.Homelab;
import dev.homelab.model.app.App;
import dev.homelab.model.host.Node;
import dev.homelab.validation.ValidationException;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public method of {@link Homelab} and of every model value rejects {@code null} in each
 * reference argument (an array or list and each of its elements too) with one {@code path: problem. fix}
 * line naming the call: a new setter without {@link Arguments#required} fails here. The values are
 * found in the compiled classes (those with a generated {@code Immutable*} twin), so none is forgotten.
 */
class DslNullArgumentsTest {
  private static final Path MODEL_CLASSES = Path.of("target/classes/dev/homelab/model");

  @Test
  void should_reject_null_in_every_argument_of_every_public_dsl_method_with_one_problem_line() throws Exception {
    List<String> failures = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (Class<?> type : dslTypes()) {
      for (Method method : publicMethods(type)) {
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
          if (parameters[i].isPrimitive()) {
            continue;
          }
          checked.add(type.getSimpleName() + "." + method.getName());
          check(type, method, i, null).ifPresent(failures::add);
          if (parameters[i].isArray()) {
            check(type, method, i, Array.newInstance(parameters[i].getComponentType(), 1)).ifPresent(failures::add);
          } else if (parameters[i] == List.class) {
            check(type, method, i, Arrays.asList((Object) null)).ifPresent(failures::add);
          } else if (Iterable.class.isAssignableFrom(parameters[i]) || java.util.Map.class.isAssignableFrom(parameters[i])) {
            // Its null elements would go unchecked: teach this test to build one (as for List).
            failures.add(type.getSimpleName() + "." + method.getName() + ": a " + parameters[i].getSimpleName()
                + " argument, whose null elements this test cannot pass yet");
          }
        }
      }
    }

    // Guards against a scan that silently finds nothing.
    assertThat(checked).contains("Homelab.app", "Homelab.pool", "App.env", "App.execProbe", "Lab.apps", "Node.label",
        "DataService.adminHost", "S3Target.of", "K3s.tlsSan", "Monitoring.receiver", "WireGuard.peer");
    assertThat(failures).as("calls with a null argument that do not throw one ValidationException naming the call").isEmpty();
  }

  @Test
  void should_name_the_path_the_call_and_what_to_pass_when_an_app_gets_a_null_value() {
    App app = Homelab.app("nextcloud", "nextcloud:31.0.8-apache");

    assertThatThrownBy(() -> app.env("TZ", (String) null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
            .hasToString("homelab/apps/nextcloud: .env(…, value) got null. Pass the variable's plain value, "
                + "e.g. .env(\"TZ\", \"Europe/Paris\")"));
  }

  @Test
  void should_use_an_unknown_name_in_the_path_when_a_factory_gets_a_null_name() {
    assertThatThrownBy(() -> Homelab.app(null, "traefik/whoami:v1.11.0"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
            .hasToString("homelab/apps/?: app(name, …) got null. Pass the app's name, "
                + "e.g. app(\"whoami\", \"traefik/whoami:v1.11.0\")"));
  }

  @Test
  void should_name_the_index_of_a_null_element_of_varargs() {
    Node pi1 = Homelab.node("pi1");

    assertThatThrownBy(() -> Homelab.homelab("home").nodes(pi1, null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
            .hasToString("homelab: .nodes(nodes[1]) got null. Pass a node, e.g. .nodes(node(\"pi1\").controlPlane())"));
  }

  /** Empty when {@code method} with {@code bad} as argument {@code index} throws as it should; else what it did. */
  private static Optional<String> check(Class<?> type, Method method, int index, Object bad) {
    Object[] args = new Object[method.getParameterCount()];
    for (int i = 0; i < args.length; i++) {
      args[i] = i == index ? bad : Samples.of(method.getParameterTypes()[i]);
    }
    Object target = Modifier.isStatic(method.getModifiers()) ? null : Samples.of(type);
    String call = type.getSimpleName() + "." + method.getName() + Arrays.toString(args);
    try {
      method.invoke(target, args);
      return Optional.of(call + ": returned normally");
    } catch (InvocationTargetException e) {
      Throwable thrown = e.getCause();
      if (!(thrown instanceof ValidationException)) {
        return Optional.of(call + ": threw " + thrown);
      }
      List<String> lines = ((ValidationException) thrown).problems().stream().map(Object::toString).collect(Collectors.toList());
      boolean good = lines.size() == 1 && lines.get(0).startsWith("homelab") && lines.get(0).contains(method.getName() + "(")
          && lines.get(0).contains(" got null. Pass ") && lines.get(0).contains(", e.g. ");
      return good ? Optional.empty() : Optional.of(call + ": reported " + lines);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  /** Homelab and every model value: a public abstract class with a generated {@code Immutable*} twin. */
  static List<Class<?>> dslTypes() throws IOException {
    List<Class<?>> types = new ArrayList<>(List.of(Homelab.class));
    try (Stream<Path> files = Files.walk(MODEL_CLASSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().collect(Collectors.toList())) {
        String simple = file.getFileName().toString().replace(".class", "");
        if (simple.contains("$") || simple.startsWith("Immutable")) {
          continue;
        }
        String sub = MODEL_CLASSES.relativize(file.getParent()).toString().replace('/', '.');
        String pkg = sub.isEmpty() ? "dev.homelab.model" : "dev.homelab.model." + sub;
        Class<?> type = load(pkg + "." + simple).orElseThrow();
        boolean isValue = Modifier.isPublic(type.getModifiers()) && Modifier.isAbstract(type.getModifiers())
            && !type.isInterface() && load(pkg + ".Immutable" + simple).isPresent();
        if (isValue) {
          types.add(type);
        }
      }
    }
    assertThat(types).as("model values found").hasSizeGreaterThan(30);
    return types;
  }

  private static Optional<Class<?>> load(String name) {
    try {
      return Optional.of(Class.forName(name));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  /** Public methods declared by {@code type}, in a stable order; Object's own are not DSL. */
  private static List<Method> publicMethods(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
        .filter(m -> !List.of("equals", "toString", "hashCode").contains(m.getName()))
        .sorted(Comparator.comparing(Method::toString))
        .collect(Collectors.toList());
  }
}
