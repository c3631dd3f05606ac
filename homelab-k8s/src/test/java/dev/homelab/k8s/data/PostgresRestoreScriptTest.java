package dev.homelab.k8s.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the restore Jobs' shell scripts with a stand-in {@code psql} that exits 0 like the real one
 * and prints what a replay of {@code pg_dumpall --clean} prints on stderr.
 */
class PostgresRestoreScriptTest {
  /** What psql prints for the two statements of every pg_dumpall script that fail for the superuser. */
  private static final String SUPERUSER_ROLE = """
      psql:/restore/backup/dump/pg_dumpall.sql:26: ERROR:  current user cannot be dropped
      psql:/restore/backup/dump/pg_dumpall.sql:35: ERROR:  role "postgres" already exists
      """;
  private static final String WHILE_CONNECTED = """
      psql:/restore/backup/dump/pg_dumpall.sql:16: ERROR:  database "wiki" is being accessed by other users
      DETAIL:  There is 1 other session using the database.
      """;

  @TempDir Path dir;

  @Test
  void should_complete_a_restore_whose_only_errors_are_the_superusers_role() throws Exception {
    Result r = run(PostgresRestore.restoreScript(List.of("wiki")), SUPERUSER_ROLE);
    assertThat(r.exit).as(r.stderr).isZero();
    assertThat(r.sql).contains("ALLOW_CONNECTIONS false", "pg_terminate_backend", "ALLOW_CONNECTIONS true");
  }

  @Test
  void should_fail_a_restore_that_half_applied_the_dump() throws Exception {
    Result r = run(PostgresRestore.restoreScript(List.of("wiki")), SUPERUSER_ROLE + WHILE_CONNECTED);
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.stderr).contains("database \"wiki\" is being accessed by other users", "did not load cleanly");
    // the databases are opened again even so, for whoever looks into it
    assertThat(r.sql).contains("ALLOW_CONNECTIONS true");
  }

  @Test
  void should_fail_the_weekly_restore_test_on_a_partial_load() throws Exception {
    Result r = run(PostgresRestore.verifyScript(List.of("wiki")),
        SUPERUSER_ROLE + "psql:/restore/backup/dump/pg_dumpall.sql:210: ERROR:  syntax error at or near \"COPY\"\n");
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.stdout).doesNotContain("restore verified");
  }

  @Test
  void should_pass_the_weekly_restore_test_on_a_clean_load() throws Exception {
    Result r = run(PostgresRestore.verifyScript(List.of("wiki")), SUPERUSER_ROLE);
    assertThat(r.exit).as(r.stderr).isZero();
    assertThat(r.stdout).contains("restore verified");
  }

  private record Result(int exit, String stdout, String stderr, String sql) {}

  private Result run(String script, String replayErrors) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.writeString(dir.resolve("errors"), replayErrors);
    // psql: the replay (--file) prints the errors and exits 0; SQL on stdin is logged
    stub(bin.resolve("psql"), "#!/bin/sh\ncase \"$*\" in\n  *--file*) cat \"" + dir.resolve("errors") + "\" >&2 ;;\n"
        + "  *--command*) echo 'wiki: 1 tables' ;;\n  *) cat >> \"" + dir.resolve("sql") + "\" ;;\nesac\nexit 0\n");
    for (String tool : List.of("initdb", "pg_ctl")) {
      stub(bin.resolve(tool), "#!/bin/sh\nexit 0\n");
    }
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Path sql = dir.resolve("sql");
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err),
        Files.exists(sql) ? Files.readString(sql, StandardCharsets.UTF_8) : "");
  }

  private static void stub(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
