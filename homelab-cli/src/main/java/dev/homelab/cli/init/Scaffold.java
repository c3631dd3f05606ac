package dev.homelab.cli.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new infra repository, as {@code homelab init} writes it: a pom that depends on
 * {@code dev.homelab:homelab-cli} of this version (through {@code dev.homelab:homelab-bom}), a lab
 * class with a {@code main}, a test of its properties, {@code .gitignore}, a README and a GitHub
 * Actions workflow that builds, validates and checks that the committed {@code out/} is current.
 * While this version is a snapshot, the README and the workflow start with the {@link InstallStep}.
 */
public final class Scaffold {
  /** A Java package name: lower-case identifiers joined by dots. */
  private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
  /** The launcher script: the jar with fast start-up settings and a class cache (see lab.sh.txt). */
  public static final String LAUNCHER = "lab";
  /** The build tool that makes picocli's classes cacheable (see the repository's CONTRIBUTING.md). */
  public static final String UPGRADE_TOOL = "build-tools/UpgradeOldClasses.java";
  private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Za-z_.-]+)@@");

  private final String name;
  private final String javaPackage;
  private final Properties versions;

  /**
   * @param name the lab's name (a DNS label: {@code homelab("<name>")} and the artifact id)
   * @param javaPackage the package of the lab class, e.g. {@code com.example.homelab}
   */
  public Scaffold(String name, String javaPackage) {
    if (!PACKAGE.matcher(javaPackage).matches()) {
      throw new IllegalArgumentException("'" + javaPackage + "' is not a Java package name like com.example.homelab");
    }
    this.name = name;
    this.javaPackage = javaPackage;
    this.versions = versions();
  }

  /** A lab name from a folder name: lower case, other characters as '-', {@code home} when nothing is left. */
  public static String nameOf(Path folder) {
    Path file = folder.toAbsolutePath().normalize().getFileName();
    String raw = file == null ? "" : file.toString().toLowerCase(Locale.ROOT);
    String label = raw.replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    if (label.length() > 63) {
      label = label.substring(0, 63).replaceAll("-+$", "");
    }
    return label.isEmpty() || !Character.isLetter(label.charAt(0)) ? "home" : label;
  }

  /** Relative path to content, in the order they are written. */
  public SortedMap<String, String> files() {
    String packagePath = javaPackage.replace('.', '/');
    Map<String, String> values = new LinkedHashMap<>();
    versions.stringPropertyNames().forEach(k -> values.put(k, versions.getProperty(k)));
    values.put("VERSION", versions.getProperty("version"));
    values.put("NAME", name);
    values.put("ARTIFACT", name);
    values.put("PACKAGE", javaPackage);
    values.put("PACKAGE_PATH", packagePath);
    values.put("JAR", "target/lab.jar");
    values.put("USAGE", "./lab");
    values.put("ROOT", ".");
    values.put("BUILD", "mvn -B -q -DskipTests package");
    // While this version is a snapshot, the README and the workflow install homelab before the first build.
    values.put("HOMELAB_REPOSITORY", InstallStep.REPOSITORY);
    values.put("INSTALL_COMMAND", InstallStep.COMMAND);
    boolean install = InstallStep.needed(versions.getProperty("version"));
    values.put("BEFORE_BUILD", install ? fill("install-README.md.txt", values) : "");
    values.put("INSTALL_HOMELAB", install ? fill("install-workflow.yml.txt", values) : "");
    SortedMap<String, String> files = new TreeMap<>();
    files.put("pom.xml", fill("pom.xml.txt", values));
    files.put("src/main/java/" + packagePath + "/MyLab.java", fill("MyLab.java.txt", values));
    files.put("src/test/java/" + packagePath + "/MyLabTest.java", fill("MyLabTest.java.txt", values));
    files.put(".gitignore", fill("gitignore.txt", values));
    files.put(".github/workflows/homelab.yml", fill("workflow.yml.txt", values));
    files.put("README.md", fill("README.md.txt", values));
    files.put(LAUNCHER, fill("lab.sh.txt", values));
    // The same file as the repository's build-tools/ (the build copies it in): the lab's pom runs it on target/lab.jar.
    files.put(UPGRADE_TOOL, resource("UpgradeOldClasses.java"));
    return files;
  }

  /** Writes {@link #files()} under {@code folder}, which must be empty or not exist (a {@code .git} in it is fine). */
  public void writeTo(Path folder) throws IOException {
    Files.createDirectories(folder);
    for (Map.Entry<String, String> file : files().entrySet()) {
      Path target = folder.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
      if (file.getKey().equals(LAUNCHER)) {
        executable(target);
      }
    }
  }

  /**
   * The launcher script {@code homelab-cli/src/main/resources/dev/homelab/cli/init/lab.sh.txt} filled
   * in: what {@code init} writes as {@code ./lab}, and what the repository keeps as {@code bin/homelab}.
   *
   * @param root the folder the paths start from, relative to the script's own folder ({@code .} or {@code ..})
   * @param jar the default jar, relative to {@code root}
   * @param build the command that builds the jar, run in {@code root}
   * @param usage the name the script is called by, for its comment
   */
  public static String launcher(String root, String jar, String build, String usage) {
    return fill("lab.sh.txt", Map.of("ROOT", root, "JAR", jar, "BUILD", build, "USAGE", usage));
  }

  private static void executable(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static String fill(String template, Map<String, String> values) {
    String text = resource(template);
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("template " + template + " uses @@" + m.group(1) + "@@, which has no value");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String resource(String name) {
    try (InputStream in = Scaffold.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing template " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Properties versions() {
    try (InputStream in = Scaffold.class.getResourceAsStream("/dev/homelab/cli/version.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
