package dev.homelab.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A dropped result of a DSL call ({@code lab.domain("x");}) changes nothing, since every value is
 * immutable: every package holding a DSL type is {@code @CheckReturnValue}, which Error Prone and
 * IntelliJ report in the user's build. A new model package without it fails here.
 */
class CheckReturnValueTest {
  @Test
  void should_mark_every_package_of_the_dsl_as_check_return_value() throws Exception {
    Set<String> packages = new TreeSet<>();
    Set<String> unmarked = new TreeSet<>();
    for (Class<?> type : DslNullArgumentsTest.dslTypes()) {
      packages.add(type.getPackageName());
      if (!type.getPackage().isAnnotationPresent(CheckReturnValue.class)) {
        unmarked.add(type.getPackageName());
      }
    }

    assertThat(packages).contains("dev.homelab", "dev.homelab.model", "dev.homelab.model.app");
    assertThat(unmarked).as("DSL packages without @CheckReturnValue").isEmpty();
  }

  @Test
  void should_let_validate_be_called_for_its_check_alone() throws Exception {
    // @CanIgnoreReturnValue is kept in the class file only (what Error Prone reads), not at run time.
    try (var in = Lab.class.getResourceAsStream("Lab.class")) {
      String classFile = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(classFile).contains("Lcom/google/errorprone/annotations/CanIgnoreReturnValue;");
    }
  }
}
