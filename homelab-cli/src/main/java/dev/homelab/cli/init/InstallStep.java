package dev.homelab.cli.init;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * The step a new infra repository needs before its first build while this version of homelab DSL
 * is not on Maven Central (a {@code -SNAPSHOT}): {@code ./mvnw -B -q -DskipTests install} in a
 * checkout of the homelab DSL repository, which puts {@code dev.homelab:homelab-bom} and
 * {@code homelab-cli} into the local Maven repository ({@code ~/.m2}).
 */
public final class InstallStep {
  /** The command that installs this checkout's artifacts, run in the checkout's root folder. */
  public static final String COMMAND = "./mvnw -B -q -DskipTests install";
  /** The GitHub repository of homelab DSL ({@code owner/name}), as the root pom's {@code <scm>} names it. */
  public static final String REPOSITORY = "homelab-dsl/homelab-dsl";

  private InstallStep() {}

  /** Whether {@code version} is a snapshot, which no public Maven repository serves: the install step is needed. */
  public static boolean needed(String version) {
    return version.endsWith("-SNAPSHOT");
  }

  /**
   * The homelab DSL checkout this class was loaded from, when it runs from one: its classes are in
   * {@code <checkout>/homelab-cli/target/classes} or in a jar in {@code <checkout>/<module>/target/}
   * (such as {@code homelab-cli/target/homelab.jar}), and the checkout has {@code mvnw} and
   * {@code homelab-bom/pom.xml}. Empty when it runs from elsewhere (e.g. a lab's own jar).
   */
  public static Optional<Path> checkout() {
    CodeSource source = InstallStep.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      return checkoutAround(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The checkout whose {@code <module>/target/<classes or jar>} is {@code codeSource}, if it is one. */
  static Optional<Path> checkoutAround(Path codeSource) {
    Path root = codeSource.toAbsolutePath().normalize();
    for (int up = 0; up < 3 && root != null; up++) {
      root = root.getParent();
    }
    if (root == null || !Files.isRegularFile(root.resolve("mvnw")) || !Files.isRegularFile(root.resolve("homelab-bom/pom.xml"))) {
      return Optional.empty();
    }
    return Optional.of(root);
  }
}
