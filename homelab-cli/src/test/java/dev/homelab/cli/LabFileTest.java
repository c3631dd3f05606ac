package dev.homelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render --lab MyLab.java and --lab lab.jsh: a lab without a build, and its errors at file:line. */
class LabFileTest {
  private static final String LAB_BODY = "homelab(\"quick\").lan(\"192.168.1.0/24\")\n"
      + "        .nodes(node(\"pi1\").arm64().controlPlane().ip(\"192.168.1.11\"))\n"
      + "        .cluster(k3s(\"v1.33.4+k3s1\"))";

  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
  }

  private Path javaLab(String name, String body) throws IOException {
    return write(name + ".java", "import static dev.homelab.Homelab.*;\n"
        + "import dev.homelab.model.Lab;\n"
        + "\n"
        + "public class " + name + " {\n"
        + "  public static Lab lab() {\n"
        + "    return " + body + ";\n"
        + "  }\n"
        + "}\n");
  }

  /** A lab class with one static field before its lab() (line 5). */
  private Path labWithField(String name, String field) throws IOException {
    return write(name + ".java", "import static dev.homelab.Homelab.*;\n"
        + "import dev.homelab.model.Lab;\n"
        + "\n"
        + "public class " + name + " {\n"
        + "  " + field + "\n"
        + "  public static Lab lab() {\n"
        + "    return " + LAB_BODY + ";\n"
        + "  }\n"
        + "}\n");
  }

  @Test
  void should_render_a_lab_class_from_a_single_java_file_without_a_build() throws IOException {
    Path file = javaLab("MyLab", LAB_BODY);
    Path out = tmp.resolve("out");

    CliRun render = CliRun.standalone("render", "--lab", file.toString(), "--out", out.toString());

    assertThat(render.code()).as(render.err()).isZero();
    assertThat(render.out()).endsWith("into " + out + "\n");
    assertThat(Files.readString(out.resolve("ansible/inventory.yml"))).contains("192.168.1.11");
    assertThat(CliRun.standalone("diff", "--lab", file.toString(), "--out", out.toString()).code()).isZero();
  }

  @Test
  void should_report_a_compile_error_at_file_and_line_with_exit_1_and_no_stack_trace() throws IOException {
    Path file = javaLab("Broken", "homelab(\"quick\").nods(node(\"pi1\"))");

    CliRun run = CliRun.standalone("render", "--lab", file.toString(), "--out", tmp.resolve("out").toString());

    assertThat(run.code()).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(run.err()).isEqualTo(file + ":6: error: cannot find symbol\n"
        + "  symbol:   method nods(dev.homelab.model.host.Node)\n"
        + "  location: class dev.homelab.model.Lab\n"
        + "    return homelab(\"quick\").nods(node(\"pi1\"));\n"
        + "                           ^\n"
        + "1 error in " + file + "; nothing was done\n");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void should_report_an_exception_of_the_lab_code_at_its_line() throws IOException {
    Path file = javaLab("Throws", "java.util.Optional.<dev.homelab.model.Lab>empty().orElseThrow()");

    CliRun run = CliRun.standalone("validate", "--lab", file.toString());

    assertThat(run.code()).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(run.err()).isEqualTo(file + ":6: error: lab() threw java.util.NoSuchElementException: No value present\n");
  }

  @Test
  void should_report_an_exception_of_a_static_initializer_at_its_line_without_a_stack_trace() throws IOException {
    Path file = labWithField("Init", "static final int PORT = Integer.parseInt(\"eighty\");");

    CliRun run = CliRun.standalone("validate", "--lab", file.toString());

    assertThat(run.code()).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(run.err()).isEqualTo(file + ":5: error: a static initializer of Init threw java.lang.NumberFormatException: "
        + "For input string: \"eighty\"\n");
  }

  @Test
  void should_report_the_model_problem_a_static_initializer_hit_as_validate_does() throws IOException {
    Path file = labWithField("InitModel", "static final dev.homelab.model.host.Node PI = node(System.getenv(\"HOMELAB_NO_SUCH_VARIABLE\"));");

    CliRun run = CliRun.standalone("validate", "--lab", file.toString());

    assertThat(run.code()).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(run.err()).startsWith("1 problem in the homelab model:\nhomelab/nodes/?: node(name) got null.");
  }

  @Test
  void should_report_a_lab_method_that_returns_null_as_the_user_error_it_is() throws IOException {
    Path file = javaLab("Nul", "null");

    CliRun validate = CliRun.standalone("validate", "--lab", file.toString());
    CliRun render = CliRun.standalone("render", "--lab", file.toString(), "--out", tmp.resolve("out").toString());

    String message = "error: " + file + ": Nul.lab() returned null, so there is no model to work on. "
        + "Return the homelab(...) model, e.g. return homelab(\"home\").domain(\"example.com\")...;\n";
    assertThat(validate.code()).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(validate.err()).isEqualTo(message);
    assertThat(render.code()).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(render.err()).isEqualTo(message);
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void should_report_the_model_problems_of_a_lab_file_as_validate_does() throws IOException {
    Path file = javaLab("Invalid", "homelab(\"quick\").nodes(node(null))");

    CliRun run = CliRun.standalone("validate", "--lab", file.toString());

    assertThat(run.code()).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(run.err()).startsWith("1 problem in the homelab model:\nhomelab/nodes/?: node(name) got null.");
  }

  @Test
  void should_ask_for_a_lab_method_when_the_class_has_none() throws IOException {
    Path file = write("NoLab.java", "public class NoLab {}\n");

    CliRun run = CliRun.standalone("validate", "--lab", file.toString());

    assertThat(run.code()).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(run.err()).isEqualTo("error: " + file + ": class NoLab has no public static Lab lab() method. "
        + "Add one that returns the homelab(...) model\n");
  }

  @Test
  void should_reject_a_missing_file_or_another_kind_as_usage() throws IOException {
    Path text = write("lab.txt", "x");

    CliRun missing = CliRun.standalone("validate", "--lab", tmp.resolve("Missing.java").toString());
    CliRun other = CliRun.standalone("validate", "--lab", text.toString());
    CliRun none = CliRun.standalone("validate");

    assertThat(missing.code()).isEqualTo(HomelabCli.USAGE);
    assertThat(missing.err()).isEqualTo("error: --lab " + tmp.resolve("Missing.java")
        + ": no such file. Pass a MyLab.java or lab.jsh file\n");
    assertThat(other.code()).isEqualTo(HomelabCli.USAGE);
    assertThat(none.code()).isEqualTo(HomelabCli.USAGE);
    assertThat(none.err()).startsWith("error: no lab to work on. Pass --lab MyLab.java");
  }

  @Test
  void should_render_a_jshell_script_with_the_startup_imports_and_its_variable_lab() throws IOException {
    Path script = write("lab.jsh", "// a quick experiment\n"
        + "Traefik t = traefik();\n"
        + "\n"
        + "Lab lab = " + LAB_BODY + ";\n");

    CliRun show = CliRun.standalone("show", "--lab", script.toString());

    assertThat(show.code()).as(show.err()).isZero();
    assertThat(show.out()).startsWith("homelab quick\n").contains("pi1 · arm64 · server");
  }

  @Test
  void should_report_a_jshell_error_at_its_line() throws IOException {
    Path script = write("bad.jsh", "int x = 1;\n"
        + "\n"
        + "Lab lab = homelab(\"quick\")\n"
        + "    .nods(node(\"pi1\"));\n");

    CliRun run = CliRun.standalone("validate", "--lab", script.toString());

    assertThat(run.code()).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(run.err()).startsWith(script + ":4: error: cannot find symbol\n");
  }

  @Test
  void should_report_an_exception_of_a_jshell_script_at_its_line() throws IOException {
    Path script = write("throws.jsh", "int x = 1;\n"
        + "Lab make() {\n"
        + "  throw new IllegalStateException(\"boom\");\n"
        + "}\n"
        + "Lab lab = make();\n");

    CliRun run = CliRun.standalone("validate", "--lab", script.toString());

    assertThat(run.code()).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(run.err()).isEqualTo(script + ":3: error: java.lang.IllegalStateException: boom\n");
  }

  @Test
  void should_ask_for_the_variable_lab_and_refuse_jshell_commands() throws IOException {
    Path noLab = write("nolab.jsh", "Lab other = " + LAB_BODY + ";\n");
    Path command = write("command.jsh", "/open other.jsh\n");

    CliRun missing = CliRun.standalone("validate", "--lab", noLab.toString());
    CliRun open = CliRun.standalone("validate", "--lab", command.toString());

    assertThat(missing.err()).isEqualTo("error: " + noLab
        + ": declares no variable lab of type Lab. End the script with Lab lab = homelab(\"home\")...;\n");
    assertThat(open.code()).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(open.err()).isEqualTo(command + ":1: error: the JShell command /open works only in the jshell tool. "
        + "Use plain Java statements, or /exit to end the script\n");
  }

  @Test
  void should_run_the_standalone_cli_as_its_own_process() throws Exception {
    Path file = javaLab("ProcessLab", LAB_BODY);
    Path out = tmp.resolve("out");

    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "render", "--lab", file.toString(), "--out", out.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor()).as(output).isZero();
    assertThat(output).doesNotContain("\u001b[").endsWith("into " + out + "\n");
    assertThat(out.resolve("README.md")).exists();
  }
}
