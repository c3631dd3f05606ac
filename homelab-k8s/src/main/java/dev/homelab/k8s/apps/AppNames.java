package dev.homelab.k8s.apps;

import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.app.App;
import dev.homelab.model.app.AppCronJob;
import dev.homelab.model.app.AppVolume;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an app's objects live and what they are called. An app alone in its namespace keeps the
 * short names it always had ({@code data}, {@code allow-from-traefik}); an app of a group
 * ({@link App#group()}) shares its namespace, so each of its objects is named {@code <app>-<name>}.
 * Two such names of different apps of a group cannot be equal: validation
 * ({@code group-names-collide}) keeps any member from being named after another and a dash.
 *
 * <p>Internal: shared by the Kubernetes backend's packages; not part of the API.
 */
public final class AppNames {
  private AppNames() {}

  /** Whether the app shares a namespace with the other apps of its group. */
  public static boolean grouped(App app) {
    return app.group().isPresent();
  }

  /** {@code name} as an object of the app's own in its namespace: itself alone, {@code <app>-<name>} in a group. */
  public static String scoped(App app, String name) {
    return grouped(app) ? app.name() + "-" + name : name;
  }

  /** The CronJob of the app's {@code job}, in {@link App#namespace()}: {@code <app>-<job>}, grouped or not. */
  public static String cronJob(App app, AppCronJob job) {
    return app.name() + "-" + job.name();
  }

  /** The PersistentVolumeClaim of {@code volume}. */
  public static String claim(App app, AppVolume volume) {
    return scoped(app, volume.name());
  }

  /**
   * Every pod of the app, in a group: its Deployment's, its cron jobs' and its backup jobs'
   * ({@code app.kubernetes.io/name} in {@code <app>}, {@code <app>-<job>}, {@code <app>-backup}).
   * What "the same namespace" meant for an app alone in one.
   */
  public static LabelSelector allPods(App app) {
    List<String> names = new ArrayList<>();
    names.add(app.name());
    names.add(app.name() + "-backup");
    for (AppCronJob job : app.cronJobs()) {
      names.add(app.name() + "-" + job.name());
    }
    return new LabelSelectorBuilder().addNewMatchExpression().withKey(Pods.NAME).withOperator("In")
        .withValues(names.stream().sorted().distinct().toList()).endMatchExpression().build();
  }
}
