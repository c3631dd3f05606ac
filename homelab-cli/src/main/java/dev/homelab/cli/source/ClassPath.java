package dev.homelab.cli.source;

import dev.homelab.Homelab;
import dev.homelab.cli.HomelabCli;
import dev.homelab.model.Lab;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;

/** The classpath a lab file is compiled against: the CLI's own. */
final class ClassPath {
  private ClassPath() {}

  /**
   * {@code java.class.path}, plus the jars or folders the DSL, model and CLI were loaded from, for
   * hosts (a build plugin, an IDE) that load them through a class loader of their own.
   */
  static String current() {
    Set<String> entries = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(entry);
      }
    }
    for (Class<?> type : new Class<?>[] {Homelab.class, Lab.class, HomelabCli.class}) {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null) {
        try {
          entries.add(Path.of(source.getLocation().toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
          // not a file location (a custom class loader): java.class.path has to do
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
