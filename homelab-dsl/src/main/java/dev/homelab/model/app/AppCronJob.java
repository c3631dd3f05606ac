package dev.homelab.model.app;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import org.immutables.value.Value;

/**
 * A command an app's image runs on a schedule, beside the app: same image, environment, volumes
 * and user (Nextcloud's {@code cron.php}, a cleanup script). Created with
 * {@link App#cronJob(String, String, String...)}.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/">CronJobs</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class AppCronJob {
  AppCronJob() {}

  /**
   * Name, unique in the app; the CronJob is called {@code <app>-<name>}. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/overview/working-with-objects/names/">object names</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * Five-field cron schedule, in the lab's time zone. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax">schedule syntax</a>
   */
  @Value.Parameter
  public abstract String schedule();

  /**
   * The command and its arguments, run without a shell. Required, at least the program.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/">command and arguments</a>
   */
  @Value.Parameter
  public abstract List<String> command();

  static AppCronJob of(String name, String schedule, List<String> command) {
    return ImmutableAppCronJob.of(name, schedule, command);
  }

  /** Broken invariants of this job; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    return new Problems()
        .when(!name().matches("[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?"), Checks.CRON_JOB_NAME, () -> "cron job name '" + name()
            + "' is not a short DNS label", "Use lower-case letters, digits and '-', at most 20 characters, e.g. \"cron\"")
        .when(!Names.isCron(schedule()), Checks.CRON_SCHEDULE, () -> "schedule " + Texts.quote(schedule()) + " is not a five-field cron expression",
            "Write it like \"*/5 * * * *\"")
        .when(command().isEmpty() || command().get(0).isBlank(), Checks.CRON_JOB_COMMAND, () -> "cron job " + name() + " has no command",
            "Name the program and its arguments, e.g. .cronJob(\"cron\", \"*/5 * * * *\", \"php\", \"-f\", \"/var/www/html/cron.php\")")
        .list();
  }
}
