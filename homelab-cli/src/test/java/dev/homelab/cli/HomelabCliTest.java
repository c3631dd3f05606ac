package dev.homelab.cli;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.Backend;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.backend.Renderer;
import dev.homelab.model.Lab;
import dev.homelab.validation.Check;
import dev.homelab.validation.Rule;
import dev.homelab.validation.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomelabCliTest {
  private static final Lab VALID = FakeLabMain.VALID;
  /** A backend whose output is fully known, so the CLI's own behaviour is what is tested. */
  private static final Backend FAKE = FakeLabMain.FAKE;

  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Supplier<Lab> lab, String... args) {
    return HomelabCli.run(lab, List.of(FAKE), new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void should_render_every_backend_under_its_own_folder() throws IOException {
    Path dir = tmp.resolve("out");

    int code = run(() -> VALID, "render", "--out", dir.toString());

    assertThat(code).isZero();
    assertThat(Files.readString(dir.resolve("fake/nodes.txt"))).isEqualTo("pi1\n");
    assertThat(Files.readString(dir.resolve("fake/sub/lab.txt"))).isEqualTo("test\n");
    assertThat(dir.resolve("README.md")).as("the bring-up guide").exists();
    assertThat(out.toString()).contains("rendered 3 files into " + dir);
  }

  @Test
  void should_name_the_lab_method_of_a_main_that_returns_null_as_a_user_error() {
    CliRun run = NullLabMain.run("validate");

    assertThat(run.code()).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(run.err()).isEqualTo("error: dev.homelab.cli.NullLabMain.lab() returned null, so there is no model to work on. "
        + "Return the homelab(...) model, e.g. return homelab(\"home\").domain(\"example.com\")...;\n");
  }

  @Test
  void should_report_what_the_programs_own_lab_code_threw_as_a_user_error_at_its_line() {
    CliRun run = ThrowingLabMain.run("validate");

    assertThat(run.code()).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(run.err()).isEqualTo("ThrowingLabMain.java:13: error: dev.homelab.cli.ThrowingLabMain.lab() threw "
        + "java.lang.IllegalStateException: inventory.csv missing\n");
  }

  @Test
  void should_leave_an_exception_of_homelabs_own_code_under_the_lab_a_bug() {
    IllegalStateException bug = new IllegalStateException("a bug");
    bug.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("java.util.Objects", "requireNonNull", "Objects.java", 233),
        new StackTraceElement("dev.homelab.model.Lab", "apps", "Lab.java", 10),
        new StackTraceElement("com.example.MyLab", "lab", "MyLab.java", 7)});
    IllegalStateException mine = new IllegalStateException("inventory.csv missing");
    mine.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("java.nio.file.Files", "readString", "Files.java", 3000),
        new StackTraceElement("com.example.MyLab", "lab", "MyLab.java", 7)});

    assertThat(NullLab.thrownByTheProgram(NullLabMain.class, bug)).isEmpty();
    assertThat(NullLab.thrownByTheProgram(NullLabMain.class, mine)).get().extracting(Throwable::getMessage)
        .isEqualTo("MyLab.java:7: error: dev.homelab.cli.NullLabMain.lab() threw java.lang.IllegalStateException: inventory.csv missing");
  }

  @Test
  void should_refuse_an_empty_out_which_would_render_into_the_working_directory() {
    int code = run(() -> VALID, "render", "--out", "");

    assertThat(code).isEqualTo(HomelabCli.USAGE);
    assertThat(err.toString()).isEqualTo(
        "error: --out is empty, which would render into the working directory. Name the output folder, e.g. --out out\n");
  }

  @Test
  void should_refuse_to_render_into_the_root_of_the_file_system() {
    int code = run(() -> VALID, "render", "--out", "/");

    assertThat(code).isEqualTo(HomelabCli.USAGE);
    assertThat(err.toString()).isEqualTo("error: --out / is the root of the file system. Name a folder of its own, e.g. --out /homelab-out\n");
  }

  @Test
  void should_name_the_class_whose_lab_supplier_returns_null() {
    int code = run(() -> null, "render", "--out", tmp.resolve("out").toString());

    assertThat(code).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(err.toString()).isEqualTo("error: the Supplier<Lab> that dev.homelab.cli.HomelabCliTest hands to HomelabCli.run "
        + "returned null, so there is no model to work on. "
        + "Return the homelab(...) model, e.g. return homelab(\"home\").domain(\"example.com\")...;\n");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void should_print_every_problem_exit_non_zero_and_write_nothing_for_an_invalid_lab() throws IOException {
    Path dir = tmp.resolve("out");
    Lab invalid = VALID.nodes(node("pi2").controlPlane().ip("10.0.0.12")).cluster(k3s("1.33").ha());

    int code = run(() -> invalid, "render", "--out", dir.toString());

    assertThat(code).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(err.toString()).isEqualTo("3 problems in the homelab model:\n"
        + "homelab/cluster: version '1.33' is not a k3s release like v1.33.4+k3s1. Use a tag from https://github.com/k3s-io/k3s/releases\n"
        + "homelab/nodes/pi2: IP 10.0.0.12 is outside the LAN 192.168.1.0/24. Use an address inside 192.168.1.0/24 or fix homelab.lan(...)\n"
        + "homelab/cluster: HA with embedded etcd needs an odd number of servers, found 2. Make 3 or 1 nodes controlPlane()\n");
    assertThat(dir).doesNotExist();
  }

  @Test
  void should_report_a_null_factory_argument_as_a_model_problem_without_a_stack_trace() {
    int code = run(() -> VALID.nodes(node(null)), "render", "--out", tmp.toString());

    assertThat(code).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(err.toString()).isEqualTo("1 problem in the homelab model:\n"
        + "homelab/nodes/?: node(name) got null. Pass the node's host name, e.g. node(\"pi1\")\n");
    assertThat(tmp).isEmptyDirectory();
  }

  @Test
  void should_report_a_null_setter_argument_as_a_model_problem_for_every_command() {
    Supplier<Lab> lab = () -> VALID.apps(app("whoami", "traefik/whoami:v1.11.0").env("GREETING", (String) null));
    String expected = "1 problem in the homelab model:\n"
        + "homelab/apps/whoami: .env(…, value) got null. Pass the variable's plain value, e.g. .env(\"TZ\", \"Europe/Paris\")\n";

    for (String[] args : List.of(new String[] {"render", "--out", tmp.resolve("out").toString()},
        new String[] {"validate"}, new String[] {"show"})) {
      err.getBuffer().setLength(0);

      int code = run(lab, args);

      assertThat(code).as(args[0]).isEqualTo(HomelabCli.INVALID_MODEL);
      assertThat(err.toString()).as(args[0]).isEqualTo(expected);
    }
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void should_report_a_null_pointer_exception_of_a_backend_as_a_bug_not_as_a_model_problem() {
    Backend broken = new Backend() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public RenderedFiles render(Lab lab) {
        throw new NullPointerException("name");
      }
    };

    int code = HomelabCli.run(() -> VALID, List.of(broken), new PrintWriter(out, true), new PrintWriter(err, true),
        "render", "--out", tmp.toString());

    assertThat(code).isEqualTo(HomelabCli.INTERNAL_ERROR);
    assertThat(err.toString())
        .isEqualTo("error: internal error (java.lang.NullPointerException: name). This is a bug; please report it.\n");
  }

  @Test
  void should_give_identical_trees_when_rendering_twice_with_the_standard_backends() throws IOException {
    PrintWriter o = new PrintWriter(out, true);
    PrintWriter e = new PrintWriter(err, true);
    int first = HomelabCli.run(() -> VALID, StandardBackends.all(), o, e, "render", "--out", tmp.resolve("a").toString());
    int second = HomelabCli.run(() -> VALID, StandardBackends.all(), o, e, "render", "--out", tmp.resolve("b").toString());

    assertThat(first).as(err.toString()).isZero();
    assertThat(second).as(err.toString()).isZero();
    assertThat(tmp.resolve("a/k8s")).isDirectory();
    assertThat(tmp.resolve("a/ansible")).isDirectory();
    assertThat(listing(tmp.resolve("a"))).isEqualTo(listing(tmp.resolve("b")));
  }

  @Test
  void should_keep_the_other_backends_files_when_rendering_one_backend() throws IOException {
    PrintWriter o = new PrintWriter(out, true);
    PrintWriter e = new PrintWriter(err, true);
    Path dir = tmp.resolve("out");
    assertThat(HomelabCli.run(() -> VALID, StandardBackends.all(), o, e, "render", "--out", dir.toString())).isZero();
    String ansible = listing(dir.resolve("ansible"));

    int code = HomelabCli.run(() -> VALID, StandardBackends.all(), o, e, "render", "--backend", "k8s", "--out", dir.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(listing(dir.resolve("ansible"))).isNotEmpty().isEqualTo(ansible);
  }

  @Test
  void should_say_what_cannot_be_written_when_out_is_a_file() throws IOException {
    Path file = Files.writeString(tmp.resolve("taken"), "x");

    int code = run(() -> VALID, "render", "--out", file.toString());

    assertThat(code).isEqualTo(HomelabCli.IO_FAILURE);
    assertThat(err.toString()).isEqualTo("error: cannot write " + file + ": exists and is not a directory. "
        + "Check that path, or choose another --out\n");
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void should_say_a_file_is_in_the_way_when_out_is_below_a_file() throws IOException {
    Path file = Files.writeString(tmp.resolve("taken"), "x");

    int code = run(() -> VALID, "render", "--out", file.resolve("out").toString());

    assertThat(code).isEqualTo(HomelabCli.IO_FAILURE);
    assertThat(err.toString()).startsWith("error: cannot write " + file).endsWith(", or choose another --out\n");
  }

  @Test
  void should_report_an_unexpected_exception_as_a_bug_with_its_own_exit_code() {
    Backend broken = new Backend() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public RenderedFiles render(Lab lab) {
        throw new IllegalStateException("boom");
      }
    };

    int code = HomelabCli.run(() -> VALID, List.of(broken), new PrintWriter(out, true), new PrintWriter(err, true),
        "render", "--out", tmp.toString());

    assertThat(code).isEqualTo(HomelabCli.INTERNAL_ERROR);
    assertThat(err.toString())
        .isEqualTo("error: internal error (java.lang.IllegalStateException: boom). This is a bug; please report it.\n");
  }

  @Test
  void should_print_the_model_as_a_tree_with_show() {
    assertThat(run(() -> VALID, "show")).isZero();
    assertThat(out.toString()).isEqualTo("homelab test\n"
        + "└── k3s v1.33.4+k3s1\n"
        + "    └── pi1 · arm64 · server · 192.168.1.11\n");
  }

  @Test
  void should_list_every_subcommand_in_help_though_a_run_builds_only_the_one_it_names() {
    assertThat(run(() -> VALID, "--help")).isZero();
    assertThat(out.toString()).containsSubsequence("  render", "  diff", "  validate", "  show", "  graph", "  init");
    assertThat(HomelabCli.subcommandsFor("validate")).containsExactly(ValidateCommand.class);
    assertThat(HomelabCli.subcommandsFor("--help", "render")).isEqualTo(HomelabCli.SUBCOMMANDS);
    assertThat(HomelabCli.subcommandsFor("rendr")).isEqualTo(HomelabCli.SUBCOMMANDS);
  }

  @Test
  void should_suggest_the_subcommand_meant_by_a_typo() {
    assertThat(run(() -> VALID, "rendr")).isEqualTo(HomelabCli.USAGE);
    assertThat(err.toString()).contains("Unmatched argument at index 0: 'rendr'").contains("render");
  }

  @Test
  void should_print_usage_with_the_exit_codes_to_the_given_writer_without_a_command() {
    assertThat(run(() -> VALID)).isZero();
    assertThat(out.toString()).startsWith("Usage: homelab").contains("Exit codes:").contains("4  internal error")
        .contains("5  rendering would overwrite files you changed").contains("--force");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void should_indent_the_wrapped_lines_of_the_exit_codes_under_their_code() {
    assertThat(run(() -> VALID, "--help")).isZero();
    assertThat(out.toString()).endsWith("\n"
        + "Exit codes:\n"
        + "  0  success; for diff: the output is up to date\n"
        + "  1  the model is invalid (every problem is listed), or the --lab file does not\n"
        + "     compile or fails\n"
        + "  2  wrong command line usage\n"
        + "  3  a file or folder cannot be written\n"
        + "  4  internal error: a bug in homelab DSL or a backend; please report it\n"
        + "  5  rendering would overwrite files you changed since the last render, or files\n"
        + "     it did not write (each is listed); nothing was written. Keep your changes\n"
        + "     elsewhere, or render --force\n"
        + "  6  diff: a render would change the output (the differences are printed);\n"
        + "     render to apply them\n");
  }

  @Test
  void should_reject_an_unknown_backend_by_name() {
    int code = run(() -> VALID, "render", "--backend", "nomad", "--out", tmp.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: unknown backend 'nomad'. Choose from fake\n");
  }

  @Test
  void should_say_the_model_is_valid() {
    assertThat(run(() -> VALID, "validate")).isZero();
    assertThat(out.toString()).isEqualTo("the model is valid\n");
  }

  @Test
  void should_print_warnings_on_standard_error_and_still_succeed() {
    dev.homelab.model.network.Traefik traefik = traefik().internalIp("192.168.1.241");
    Lab noTls = VALID.domain("example.com").loadBalancer(pool("lan", "192.168.1.240-192.168.1.250")).ingress(traefik)
        .apps(app("wiki", "ghcr.io/example/wiki:1.0.0").internalVia(traefik));

    assertThat(run(() -> noTls, "validate")).isZero();
    assertThat(out.toString()).isEqualTo("the model is valid\n");
    assertThat(err.toString()).isEqualTo("warning: homelab/tls: internal routes (wiki.example.com) would be served with "
        + "Traefik's self-signed default certificate, which browsers and clients reject. "
        + "Call homelab.tls(certManager(\"admin@example.com\", secret(\"cloudflare-api-token\", \"token\"))): "
        + "its DNS-01 wildcard certificate covers internal names, which need no public route\n"
        + "warning: homelab/ingress: internal routes (wiki.example.com) resolve nowhere: their only DNS records are Pi-hole's, "
        + "and the lab has no Pi-hole. Add homelab.dataServices(pihole(...)) and hand it out by DHCP, or point these names at "
        + "192.168.1.241 (Traefik's internal IP) in your own LAN DNS\n");
  }

  @Test
  void should_report_a_backend_problem_when_validating() {
    Backend picky = new Backend() {
      @Override
      public String name() {
        return "picky";
      }

      @Override
      public List<dev.homelab.validation.Problem> check(Lab lab) {
        return List.of(dev.homelab.validation.Check.of("picky", "Nodes suit picky").at("homelab/nodes/pi1", "picky cannot use this node", "Rename it"));
      }

      @Override
      public RenderedFiles render(Lab lab) {
        return RenderedFiles.builder().build();
      }
    };

    int code = HomelabCli.run(() -> VALID, List.of(FAKE, picky), new PrintWriter(out, true), new PrintWriter(err, true), "validate");

    assertThat(code).isEqualTo(HomelabCli.INVALID_MODEL);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo("1 problem in the homelab model:\n"
        + "homelab/nodes/pi1: picky cannot use this node. Rename it\n");
  }

  @Test
  void should_refuse_to_overwrite_files_the_user_changed_list_them_and_suggest_force() throws IOException {
    Path dir = tmp.resolve("out");
    assertThat(run(() -> VALID, "render", "--out", dir.toString())).isZero();
    Files.writeString(dir.resolve("fake/nodes.txt"), "my edit\n");
    Files.writeString(dir.resolve("fake/sub/lab.txt"), "my edit\n");
    Lab renamed = homelab("renamed").lan("192.168.1.0/24")
        .nodes(node("pi9").arm64().controlPlane().ip("192.168.1.19")).cluster(k3s("v1.33.4+k3s1"));
    String guide = Files.readString(dir.resolve("README.md"));

    int code = run(() -> renamed, "render", "--out", dir.toString());

    assertThat(code).isEqualTo(HomelabCli.CHANGED_FILES).isEqualTo(5);
    assertThat(err.toString()).isEqualTo("error: rendering would overwrite 2 files you changed since the last render "
        + "or that homelab render did not write; nothing was written:\n"
        + "  " + dir.resolve("fake/nodes.txt") + " (changed since the last render)\n"
        + "  " + dir.resolve("fake/sub/lab.txt") + " (changed since the last render)\n"
        + "Keep your changes elsewhere (or put them into the model) and render again, or render --force to overwrite them\n");
    assertThat(Files.readString(dir.resolve("fake/nodes.txt"))).isEqualTo("my edit\n");
    assertThat(Files.readString(dir.resolve("README.md"))).as("nothing was written").isEqualTo(guide);

    assertThat(run(() -> renamed, "render", "--force", "--out", dir.toString())).isZero();
    assertThat(Files.readString(dir.resolve("fake/nodes.txt"))).isEqualTo("pi9\n");
    assertThat(Files.readString(dir.resolve("fake/sub/lab.txt"))).isEqualTo("renamed\n");
  }

  @Test
  void should_not_overwrite_a_readme_the_renderer_did_not_write() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("project"));
    Files.writeString(dir.resolve("README.md"), "# my homelab\n");

    int code = run(() -> VALID, "render", "--out", dir.toString());

    assertThat(code).isEqualTo(HomelabCli.CHANGED_FILES);
    assertThat(err.toString()).contains("\n  " + dir.resolve("README.md") + " (not written by homelab render)\n");
    assertThat(Files.readString(dir.resolve("README.md"))).isEqualTo("# my homelab\n");
    assertThat(dir.resolve("fake")).doesNotExist();
  }

  @Test
  void should_render_into_the_current_folder_with_out_dot() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("here"));

    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), FakeLabMain.class.getName(), "render", "--out", ".")
        .directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(p.waitFor()).as(output).isZero();
    assertThat(output).isEqualTo("  fake:        2 added, 0 changed, 0 removed, 0 unchanged\n"
        + "  (top level): 1 added, 0 changed, 0 removed, 0 unchanged\n"
        + "rendered 3 files into .\n");
    assertThat(Files.readString(dir.resolve("fake/nodes.txt"))).isEqualTo("pi1\n");
    assertThat(dir.resolve("README.md")).exists();
  }

  private static String listing(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        sb.append(dir.relativize(p)).append('\n').append(Files.readString(p));
      }
    }
    return sb.toString();
  }

  @Test
  void should_render_and_validate_with_the_validator_of_the_renderer_it_is_given() {
    Rule noWorkers = Rule.of(Check.of("no-workers", "Every node is a control plane"), (lab, r) -> lab.agents().forEach(n ->
        r.report("homelab/nodes/" + n.name(), "workers are not allowed here", "Make it controlPlane()")));
    Renderer renderer = Renderer.using(FAKE).validatedBy(Validator.standard().with(noWorkers));
    Lab withWorker = VALID.nodes(node("pi2").ip("192.168.1.12"));
    Path dir = tmp.resolve("out");

    for (String[] args : List.of(new String[] {"render", "--out", dir.toString()}, new String[] {"validate"})) {
      err.getBuffer().setLength(0);
      int code = HomelabCli.run(() -> withWorker, renderer, new PrintWriter(out, true), new PrintWriter(err, true), args);

      assertThat(code).as(args[0]).isEqualTo(HomelabCli.INVALID_MODEL);
      assertThat(err.toString()).as(args[0]).isEqualTo("1 problem in the homelab model:\n"
          + "homelab/nodes/pi2: workers are not allowed here. Make it controlPlane()\n");
    }
    assertThat(dir).doesNotExist();
    assertThat(out.toString()).isEmpty();
  }
}
