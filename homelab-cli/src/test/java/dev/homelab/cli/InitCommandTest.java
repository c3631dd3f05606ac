package dev.homelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
    String[] args = new String[more.length + 2];
    args[0] = "init";
    args[1] = dir.toString();
    System.arraycopy(more, 0, args, 2, more.length);
    CliRun run = CliRun.standalone(args);
    assertThat(run.code()).as(run.err()).isZero();
    return dir;
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
