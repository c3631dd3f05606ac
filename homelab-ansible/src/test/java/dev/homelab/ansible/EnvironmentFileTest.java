package dev.homelab.ansible;

import static dev.homelab.ansible.AnsibleBackendTest.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.homelab.backend.RenderedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd EnvironmentFile= values (restic's and the pg_dump job's, passwords among them) are known
 * only on the controller (vault), so the templates quote them at run time with the
 * {@code systemd_env_value} filter of {@code filter_plugins/homelab_systemd.py}.
 */
class EnvironmentFileTest {
  private static final List<String> ENV_TEMPLATES = List.of(
      "roles/homelab_restic/templates/restic.env.j2", "roles/homelab_postgres/templates/pg-dump-s3.env.j2");
  private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^[A-Z_]+=(.*)$");
  private static final Path SYSTEMD = Path.of("/usr/lib/x86_64-linux-gnu/systemd/libsystemd-shared-252.so");
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @Test
  void should_quote_every_templated_value_of_the_systemd_environment_files() {
    RenderedFiles files = render(TestLabs.reference());
    for (String template : ENV_TEMPLATES) {
      Matcher m = ASSIGNMENT.matcher(files.text(template));
      int templated = 0;
      while (m.find()) {
        if (m.group(1).contains("{{")) {
          templated++;
          assertThat(m.group(1)).as(template).matches("\\{\\{ [a-z_.]+ \\| systemd_env_value }}");
        }
      }
      assertThat(templated).as(template).isPositive();
    }
  }

  @Test
  void should_write_the_filter_plugin_beside_site_yml_when_a_role_uses_it() {
    assertThat(render(TestLabs.reference()).files().keySet()).contains("filter_plugins/homelab_systemd.py", "site.yml");
  }

  /**
   * The filter's output read back by systemd 252's own parser (load_env_file and
   * env_assignment_is_valid of libsystemd-shared, called through ctypes): quotes, backslashes,
   * {@code $}, {@code `}, {@code #}, {@code ;}, {@code %}, leading and trailing spaces and a newline
   * come back unchanged. Runs where Debian 12's systemd and Ansible are installed.
   */
  @Test
  void should_give_systemd_back_the_exact_value(@TempDir Path dir) throws Exception {
    assumeTrue(Files.exists(SYSTEMD) && Files.exists(PYTHON), "systemd 252 and python3 of Debian 12");
    Path plugin = dir.resolve("homelab_systemd.py");
    Files.write(plugin, render(TestLabs.reference()).files().get("filter_plugins/homelab_systemd.py"));
    Path script = dir.resolve("check.py");
    Files.writeString(script, """
        import ctypes, importlib.util, json, sys
        spec = importlib.util.spec_from_file_location('homelab_systemd', sys.argv[1])
        plugin = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(plugin)
        values = [' lead', 'trail ', 'q"uote', 'back\\\\slash\\\\', '$HOME ${HOME} $(id) `id`', '#c ;d', '%n %% %',
                  'two\\nlines', 'eu-central-003', 'é ☃ 🙂', '\\\\"\\\\$', 'a=b']
        path = sys.argv[2]
        with open(path, 'w', encoding='utf-8') as f:
            for i, v in enumerate(values):
                f.write('V%d=%s\\n' % (i, plugin.systemd_env_value(v)))
        lib = ctypes.CDLL(sys.argv[3])
        lib.load_env_file.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p))]
        lib.env_assignment_is_valid.argtypes = [ctypes.c_char_p]
        lib.env_assignment_is_valid.restype = ctypes.c_bool
        strv = ctypes.POINTER(ctypes.c_char_p)()
        assert lib.load_env_file(None, path.encode(), ctypes.byref(strv)) >= 0
        parsed, i = {}, 0
        while strv[i]:
            assert lib.env_assignment_is_valid(strv[i]), strv[i]
            k, v = strv[i].decode().split('=', 1)
            parsed[k] = v
            i += 1
        wrong = [(v, parsed.get('V%d' % i)) for i, v in enumerate(values) if parsed.get('V%d' % i) != v]
        print(json.dumps({'checked': len(values), 'wrong': wrong}))
        """);
    Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), plugin.toString(),
        dir.resolve("test.env").toString(), SYSTEMD.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(!out.contains("No module named 'ansible'"), "Ansible installed for /usr/bin/python3");
    assertThat(out).as(out).contains("\"checked\": 12, \"wrong\": []");
  }
}
