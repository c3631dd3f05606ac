package dev.homelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** homelab init: the scaffold builds, validates and renders as it is. */
class InitCommandTest {
  @TempDir Path tmp;

  private Path init(String... more) {
    Path dir = tmp.resolve("my-lab");
    run(dir, more);
    return dir;
  }

  private static CliRun run(Path dir, String... more) {
    String[] args = new String[more.length + 2];
    args[0] = "init";
    args[1] = dir.toString();
    System.arraycopy(more, 0, args, 2, more.length);
    CliRun run = CliRun.standalone(args);
    assertThat(run.code()).as(run.err()).isZero();
    return run;
  }

  @Test
  void should_print_the_install_of_homelab_from_this_checkout_as_the_first_next_step() {
    Path dir = tmp.resolve("my-lab");
    // The tests run from homelab-cli/target/classes of this checkout, with the module's folder as working directory.
    Path checkout = Path.of("..").toAbsolutePath().normalize();

    CliRun run = run(dir);

    assertThat(HomelabVersion.current()).endsWith("-SNAPSHOT");
    assertThat(run.out()).endsWith("created the infra repository my-lab in " + dir + ". Next:\n"
        + "  1. homelab " + HomelabVersion.current() + " is not on Maven Central: install it into your local Maven repository\n"
        + "     (~/.m2) first, in the homelab checkout this init came from:\n"
        + "       cd " + checkout + " && ./mvnw -B -q -DskipTests install\n"
        + "  2. build, render and commit the new repository:\n"
        + "       cd " + dir + " && mvn -B verify && ./lab render && git init && git add -A\n");
  }

  @Test
  void should_describe_the_install_step_in_help_and_wrap_it_only_between_words() {
    CliRun help = CliRun.standalone("init", "--help");

    assertThat(help.code()).isZero();
    assertThat(help.out()).isEqualTo(""
        + "Usage: homelab init [-hV] [--name=<name>] [--package=<javaPackage>] [FOLDER]\n"
        + "Create a new infra repository in FOLDER (empty or new): a pom that depends on\n"
        + "homelab-cli, a .gitignore, a lab class with a main (MyLab.java), a test of its\n"
        + "properties, and a GitHub Actions workflow that builds, validates and checks\n"
        + "with diff that the committed out/ is what the model renders.\n"
        + "\n"
        + "While homelab is a -SNAPSHOT (not on Maven Central), install it into ~/.m2\n"
        + "first, in the homelab checkout (init prints the command with its path):\n"
        + "  cd <homelab checkout> && ./mvnw -B -q -DskipTests install\n"
        + "Then the new repository builds and renders as it is:\n"
        + "  mvn -B verify && ./lab render     (./lab starts the jar fast; see its README)\n"
        + "      [FOLDER]        Where to create it (default: the current folder).\n"
        + "  -h, --help          Show this help message and exit.\n"
        + "      --name=<name>   The lab's name, also the artifact id\n"
        + "                      (default: the folder's name).\n"
        + "      --package=<javaPackage>\n"
        + "                      Java package of the lab class\n"
        + "                      (default: com.example.homelab).\n"
        + "  -V, --version       Print version information and exit.\n");
  }

  @Test
  void should_name_a_clone_to_install_from_when_init_does_not_run_from_a_checkout() {
    Path dir = Path.of("my-lab");

    assertThat(InitCommand.nextSteps(dir, "0.1.0-SNAPSHOT", Optional.empty())).containsExactly(
        "  1. homelab 0.1.0-SNAPSHOT is not on Maven Central: install it into your local Maven repository",
        "     (~/.m2) first, in a clone of https://github.com/homelab-dsl/homelab-dsl at this version:",
        "       ./mvnw -B -q -DskipTests install",
        "  2. build, render and commit the new repository:",
        "       cd my-lab && mvn -B verify && ./lab render && git init && git add -A");
  }

  @Test
  void should_print_only_the_build_for_a_released_version() {
    assertThat(InitCommand.nextSteps(Path.of("my-lab"), "0.1.0", Optional.of(Path.of("/src/homelab-dsl"))))
        .containsExactly("  cd my-lab && mvn -B verify && ./lab render && git init && git add -A");
  }

  @Test
  void should_scaffold_a_readme_that_says_to_install_homelab_before_the_first_build() {
    Path dir = init();

    assertThat(dir.resolve("README.md")).content().contains("`src/main/java/com/example/homelab/MyLab.java`.\n\n"
        + "**Before the first build**: homelab " + HomelabVersion.current() + " is not on Maven Central yet, so Maven cannot\n"
        + "download `dev.homelab:homelab-bom` and `dev.homelab:homelab-cli`. Install them into your local\n"
        + "Maven repository (`~/.m2`) once, in a clone of https://github.com/homelab-dsl/homelab-dsl at this\n"
        + "version (the homelab checkout `init` ran from), and again after you update that clone:\n"
        + "\n"
        + "```sh\n"
        + "cd path/to/homelab-dsl && ./mvnw -B -q -DskipTests install\n"
        + "```\n"
        + "\n"
        + "CI does the same before its build (`.github/workflows/homelab.yml`).\n"
        + "\n"
        + "```sh\n"
        + "mvn -B verify ");
  }

  @Test
  void should_scaffold_a_workflow_that_installs_homelab_before_it_builds() {
    Path dir = init();

    assertThat(dir.resolve(".github/workflows/homelab.yml")).content().contains("          cache: maven\n"
        + "      # homelab " + HomelabVersion.current() + " is not on Maven Central yet: build it from its repository and install it\n"
        + "      # into ~/.m2 first. Set ref: to the commit you installed locally, for the same artifacts.\n"
        + "      - name: Check out homelab\n"
        + "        uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0\n"
        + "        with:\n"
        + "          repository: homelab-dsl/homelab-dsl\n"
        + "          path: .homelab-dsl\n"
        + "      - name: Install homelab " + HomelabVersion.current() + "\n"
        + "        working-directory: .homelab-dsl\n"
        + "        run: ./mvnw -B -q -DskipTests install\n"
        + "      - name: Build and test\n"
        + "        run: mvn -B verify\n");
  }

  @Test
  void should_scaffold_a_repository_with_pom_lab_test_gitignore_and_workflow() {
    Path dir = init();

    assertThat(dir.resolve("pom.xml")).isRegularFile();
    assertThat(dir.resolve("src/main/java/com/example/homelab/MyLab.java")).isRegularFile();
    assertThat(dir.resolve("src/test/java/com/example/homelab/MyLabTest.java")).isRegularFile();
    assertThat(dir.resolve(".gitignore")).content().contains("target/");
    assertThat(dir.resolve(".github/workflows/homelab.yml")).content()
        .contains("run: java -jar target/lab.jar validate")
        .contains("run: java -jar target/lab.jar diff --out out");
  }

  @Test
  void should_depend_on_the_cli_of_this_version_through_the_bom() throws Exception {
    Path dir = init();

    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("pom.xml").toFile());
    var xpath = XPathFactory.newInstance().newXPath();

    assertThat(xpath.evaluate("/project/artifactId", pom)).isEqualTo("my-lab");
    assertThat(xpath.evaluate("/project/properties/homelab.version", pom)).isEqualTo(HomelabVersion.current());
    String bom = "/project/dependencyManagement/dependencies/dependency[artifactId='homelab-bom']";
    assertThat(xpath.evaluate(bom + "/groupId", pom)).isEqualTo("dev.homelab");
    assertThat(xpath.evaluate(bom + "/version", pom)).isEqualTo("${homelab.version}");
    assertThat(xpath.evaluate(bom + "/type", pom)).isEqualTo("pom");
    assertThat(xpath.evaluate(bom + "/scope", pom)).isEqualTo("import");
    assertThat(xpath.evaluate("/project/dependencies/dependency[artifactId='homelab-cli']/groupId", pom)).isEqualTo("dev.homelab");
    assertThat(xpath.evaluate("//plugin[artifactId='maven-shade-plugin']//mainClass", pom))
        .isEqualTo("com.example.homelab.MyLab");
    assertThat(Files.readString(dir.resolve("pom.xml"))).doesNotContain("@@");
  }

  @Test
  void should_scaffold_a_lab_that_validates_renders_and_is_up_to_date_after_render() {
    Path dir = init("--package", "org.example.infra");
    Path lab = dir.resolve("src/main/java/org/example/infra/MyLab.java");
    Path out = dir.resolve("out");

    CliRun validate = CliRun.standalone("validate", "--lab", lab.toString());
    CliRun render = CliRun.standalone("render", "--lab", lab.toString(), "--out", out.toString());
    CliRun diff = CliRun.standalone("diff", "--lab", lab.toString(), "--out", out.toString());

    assertThat(validate.code()).as(validate.err()).isZero();
    assertThat(render.code()).as(render.err()).isZero();
    assertThat(diff.code()).as(diff.out()).isZero();
    assertThat(out.resolve("k8s/kustomization.yaml")).exists();
  }

  @Test
  void should_scaffold_a_test_that_compiles_against_the_library() throws IOException {
    Path dir = init();
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null);
    Path classes = Files.createDirectories(tmp.resolve("classes"));

    boolean ok = compiler.getTask(null, files, diagnostics,
        List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none"), null,
        files.getJavaFileObjects(dir.resolve("src/main/java/com/example/homelab/MyLab.java"),
            dir.resolve("src/test/java/com/example/homelab/MyLabTest.java"))).call();

    assertThat(ok).as(diagnostics.getDiagnostics().toString()).isTrue();
    assertThat(classes.resolve("com/example/homelab/MyLabTest.class")).exists();
  }

  @Test
  void should_refuse_a_folder_that_is_not_empty_and_a_bad_package() throws IOException {
    Path taken = Files.createDirectories(tmp.resolve("taken"));
    Files.writeString(taken.resolve("notes.txt"), "mine");

    CliRun refused = CliRun.standalone("init", taken.toString());
    CliRun badPackage = CliRun.standalone("init", tmp.resolve("new").toString(), "--package", "Com.Example");

    assertThat(refused.code()).isEqualTo(HomelabCli.USAGE);
    assertThat(refused.err()).isEqualTo("error: " + taken + " is not empty (notes.txt). "
        + "init writes only into a new or empty folder: choose another one\n");
    assertThat(Files.readString(taken.resolve("notes.txt"))).isEqualTo("mine");
    assertThat(badPackage.code()).isEqualTo(HomelabCli.USAGE);
    assertThat(tmp.resolve("new")).doesNotExist();
  }
}
