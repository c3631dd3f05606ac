package dev.homelab.internal;

import dev.homelab.validation.Checks;
import dev.homelab.validation.ValidationException;
import java.util.List;

/**
 * Null checks of the public DSL's arguments. A {@code null} is a mistake in the user's model code, so
 * it is reported like a validation problem (one {@code path: problem. fix} line, exit code 1 in the
 * CLI) instead of a NullPointerException from deep inside a generated value, which names no call and
 * reads as a bug of the DSL. It cannot wait for validation: an immutable value holds no null to
 * report later. {@code DslNullArgumentsTest} calls every public DSL method with null to keep it so.
 *
 * <p>Internal: shared by the model, its validation and the backends; not part of the API.
 */
public final class Arguments {
  /** Path segment of a part whose name is not known yet (a factory got null for it). */
  public static final String UNKNOWN = "?";

  private Arguments() {}

  /**
   * {@code value}, or a {@link ValidationException} with the one line
   * {@code path: call got null. Pass what, e.g. example}.
   *
   * @param path where the value would be in the model, e.g. {@code homelab/apps/nextcloud}
   * @param call the call with the argument that got null named, e.g. {@code .env(…, value)}
   * @param what what to pass instead, e.g. {@code the variable's plain value}
   * @param example a call that works, e.g. {@code .env("TZ", "Europe/Paris")}
   */
  @com.google.errorprone.annotations.CanIgnoreReturnValue
  public static <T> T required(T value, String path, String call, String what, String example) {
    if (value == null) {
      throw new ValidationException(List.of(Checks.NULL_ARGUMENT.at(path, call + " got null", "Pass " + what + ", e.g. " + example)));
    }
    return value;
  }

  /**
   * {@code values} when neither the array nor an element is null; an element is named by its index,
   * e.g. {@code .nodes(nodes[1])}. {@code call} names the array as the call's last argument.
   */
  @com.google.errorprone.annotations.CanIgnoreReturnValue
  public static <T> T[] requiredEach(T[] values, String path, String call, String what, String example) {
    required(values, path, call, what, example);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) { // the element's call text only when it is needed: this runs for every element
        required(null, path, element(call, i), what, example);
      }
    }
    return values;
  }

  /** {@code values} when neither the list nor an element is null; see {@link #requiredEach(Object[], String, String, String, String)}. */
  @com.google.errorprone.annotations.CanIgnoreReturnValue
  public static <T> List<T> requiredEach(List<T> values, String path, String call, String what, String example) {
    required(values, path, call, what, example);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) { // the element's call text only when it is needed: this runs for every element
        required(null, path, element(call, i), what, example);
      }
    }
    return values;
  }

  /** {@code name}, or {@value #UNKNOWN} for a name that is null, to build the path of a part being created. */
  public static String nameOrUnknown(String name) {
    return name == null ? UNKNOWN : name;
  }

  /** {@code .nodes(nodes)} → {@code .nodes(nodes[1])}. */
  private static String element(String call, int index) {
    int close = call.lastIndexOf(')');
    return close < 0 ? call + "[" + index + "]" : call.substring(0, close) + "[" + index + "]" + call.substring(close);
  }
}
