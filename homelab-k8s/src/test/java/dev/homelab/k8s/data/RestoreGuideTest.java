package dev.homelab.k8s.data;

import static dev.homelab.Homelab.app;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.fixtures.TestLabs;
import dev.homelab.model.Lab;
import org.junit.jupiter.api.Test;

class RestoreGuideTest {

  @Test
  void should_list_an_apps_after_restore_commands_as_exec_lines_after_copying_its_volumes_back() {
    Lab lab = TestLabs.minimal().backups(TestLabs.offsite()).apps(app("notes", "ghcr.io/example/notes:1.0.0").volume("data", "/data", "1Gi")
        .backup(TestLabs.offsite()).afterRestore("notes", "reindex", "--all").afterRestore("sh", "-c", "echo it's back"));

    assertThat(RestoreGuide.section(lab)).contains("""
        - app `notes`: its own volumes nightly (CronJob `notes/backup-offsite`)
          to `s3:https://s3.example.net/example-homelab-backups/test/apps/notes`.
          Restore by hand: scale the app to 0; `restic restore latest --host notes --target <dir>` gives
          `backup/<volume>/`: copy each into its claim (from a pod mounting it), scale the app back.
          Then `kubectl -n notes exec deploy/notes -- notes reindex --all`.
          Then `kubectl -n notes exec deploy/notes -- sh -c 'echo it'\\''s back'`.
        """);
  }

  @Test
  void should_give_the_nextcloud_preset_its_file_scan_and_data_fingerprint_after_a_restore() {
    Lab lab = TestLabs.minimal().backups(TestLabs.offsite()).apps(app("nextcloud").backup(TestLabs.offsite()));

    assertThat(RestoreGuide.section(lab))
        .contains("  Then `kubectl -n nextcloud exec deploy/nextcloud -- php /var/www/html/occ files:scan --all`.\n"
            + "  Then `kubectl -n nextcloud exec deploy/nextcloud -- php /var/www/html/occ maintenance:data-fingerprint`.\n");
  }

  @Test
  void should_suspend_the_apps_own_cron_jobs_while_its_volumes_are_restored() {
    // Nextcloud's cron pod mounts the same claim every five minutes
    Lab lab = TestLabs.minimal().backups(TestLabs.offsite()).apps(app("nextcloud").backup(TestLabs.offsite()));

    assertThat(RestoreGuide.section(lab)).contains("""
          Restore by hand: scale the app to 0 and suspend its CronJobs
          (`kubectl -n nextcloud patch cronjob nextcloud-cron -p '{"spec":{"suspend":true}}'`);
          `restic restore latest --host nextcloud --target <dir>` gives
          `backup/<volume>/`: copy each into its claim (from a pod mounting it), scale the app back and resume its CronJobs.
        """);
  }
}
