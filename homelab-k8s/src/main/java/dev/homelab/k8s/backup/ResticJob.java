package dev.homelab.k8s.backup;

import dev.homelab.k8s.pods.Pods;
import dev.homelab.k8s.pods.Templates;
import dev.homelab.model.Lab;
import dev.homelab.model.Retention;
import dev.homelab.model.backup.S3Target;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A nightly restic backup to an S3 target as a CronJob: restic encrypts everything with the
 * target's repository password, and the repository lives at {@code s3:<endpoint>/<bucket>/<path>}.
 * The job initialises the repository on first run, backs up {@code /backup} and prunes by the
 * target's retention. Every credential is a {@code secretKeyRef}.
 *
 * <p>Internal: shared by the Kubernetes backend's packages; not part of the API.
 *
 * @see <a href="https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html#amazon-s3">restic on S3</a>
 */
public final class ResticJob {
  /** restic's official image: multi-arch (amd64, arm64, ...), pinned. */
  /** Where the job mounts what it backs up. */
  public static final String SOURCE = "/backup";

  private final String namespace;
  private final String name;
  private final Map<String, String> labels;
  private final String schedule;
  /** The uid of an app that runs as root ({@code App.runAsRoot}): the job reads its files as root too. */
  public static final long ROOT = 0;

  private final long uid;
  private final S3Target target;
  private final String repositoryPath;
  private final String host;
  private final List<VolumeMount> mounts = new ArrayList<>();
  private final List<Volume> volumes = new ArrayList<>();
  private final List<Container> initContainers = new ArrayList<>();
  private final List<String> excludes = new ArrayList<>();
  private Affinity affinity;
  private List<Toleration> tolerations;

  /**
   * @param repositoryPath path inside the bucket, e.g. {@code apps/nextcloud}
   * @param host restic's {@code --host}, so forget/prune only touch this job's snapshots
   */
  public ResticJob(String namespace, String name, Map<String, String> labels, String schedule, long uid,
      S3Target target, String repositoryPath, String host) {
    this.namespace = namespace;
    this.name = name;
    this.labels = labels;
    this.schedule = schedule;
    this.uid = uid;
    this.target = target;
    this.repositoryPath = repositoryPath;
    this.host = host;
  }

  /** Mounts {@code volume} read-only at {@code /backup/<subPath>} in the restic container. */
  public ResticJob source(Volume volume, String subPath, boolean readOnly) {
    volumes.add(volume);
    mounts.add(new VolumeMountBuilder().withName(volume.getName()).withMountPath(SOURCE + "/" + subPath)
        .withReadOnly(readOnly).build());
    return this;
  }

  /**
   * Leaves {@code path} (absolute, under {@link #SOURCE}; letters, digits and {@code ._+@=,~-} only,
   * so no glob) out of the backup.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/040_backup.html#excluding-files">restic: excluding files</a>
   */
  public ResticJob exclude(String path) {
    excludes.add(path);
    return this;
  }

  /** Runs {@code container} first (e.g. a database dump into a shared emptyDir). */
  public ResticJob before(Container container) {
    initContainers.add(container);
    return this;
  }

  /** Adds {@code volume} to the pod without mounting it in restic (e.g. a script for a {@link #before} container). */
  public ResticJob volume(Volume volume) {
    volumes.add(volume);
    return this;
  }

  /** Schedules the job's pod like this (e.g. next to the pod whose RWO volume it reads). */
  public ResticJob affinity(Affinity affinity) {
    this.affinity = affinity;
    return this;
  }

  /** Lets the job's pod onto these tainted nodes (those of the pod whose volume it reads); null for none. */
  public ResticJob tolerations(List<Toleration> tolerations) {
    this.tolerations = tolerations;
    return this;
  }

  /** The CronJob running restic with everything set so far. */
  public CronJob build(Lab lab) {
    List<Volume> allVolumes = new ArrayList<>(volumes);
    allVolumes.add(new VolumeBuilder().withName("restic-cache").withNewEmptyDir().endEmptyDir().build());
    List<VolumeMount> allMounts = new ArrayList<>(mounts);
    allMounts.add(new VolumeMountBuilder().withName("restic-cache").withMountPath("/cache").build());
    Container restic = new ContainerBuilder()
        .withName("restic")
        .withImage(dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.IMAGE_RESTIC))
        .withCommand("/bin/sh", "-c", script())
        .withEnv(env())
        .withVolumeMounts(allMounts)
        .withResources(Pods.resources("100m", "256Mi", "1Gi"))
        // uid 0: the app runs as root and its files may be root's alone; the namespace is baseline
        .withSecurityContext(uid == ROOT ? Pods.rootContainer() : Pods.restrictedContainer())
        .build();
    PodSpec pod = pod("OnFailure", initContainers, restic, allVolumes);
    CronJob job = new CronJobBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
        .withAnnotations(keyScope())
        .endMetadata()
        .withNewSpec()
        .withSchedule(schedule)
        .withTimeZone(lab.timeZone())
        .withConcurrencyPolicy("Forbid")
        .withSuccessfulJobsHistoryLimit(3)
        .withFailedJobsHistoryLimit(3)
        .endSpec()
        .build();
    job.getSpec().setJobTemplate(Templates.job(new JobSpecBuilder().withBackoffLimit(2).build(),
        Templates.pod(labels, null, pod)));
    return job;
  }

  /** The pod of a backup or restore job: as the data's owner, scheduled by {@link #affinity}, no API token. */
  private PodSpec pod(String restartPolicy, List<Container> init, Container main, List<Volume> podVolumes) {
    return new PodSpecBuilder()
        .withRestartPolicy(restartPolicy)
        .withAutomountServiceAccountToken(false)
        .withSecurityContext(uid == ROOT ? Pods.rootPod() : Pods.restrictedPod(uid))
        .withAffinity(affinity)
        .withTolerations(tolerations)
        .withInitContainers(init)
        .withContainers(main)
        .withVolumes(podVolumes)
        .build();
  }

  /** Where a restore pod finds the latest snapshot: a file backed up as {@code /backup/dump/x} is {@code /restore/backup/dump/x}. */
  public static final String RESTORED = "/restore";

  /**
   * The schedule of a suspended restore CronJob: February 29th, the rarest date a cron parser
   * accepts (an impossible one such as February 31st is refused), so resuming it by mistake does
   * not restore over live data every night.
   */
  static final String RARELY = "0 0 29 2 *";

  /**
   * A CronJob that restores the latest snapshot of this job's {@code --host} with
   * {@code restic restore latest} into an emptyDir at {@link #RESTORED}, then runs {@code restorer}
   * (which gets that emptyDir mounted, read-only, and {@code volumes}). With a null
   * {@code schedule} it is suspended, a template to run by hand:
   * {@code kubectl create job --from=cronjob/<name> <name>-1}.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/050_restore.html">restic: restoring from backup</a>
   * @see <a href="https://kubernetes.io/docs/reference/kubectl/generated/kubectl_create/kubectl_create_job/">kubectl create job --from=cronjob/...</a>
   */
  public CronJob restore(Lab lab, String cronJobName, Map<String, String> restoreLabels, String schedule,
      Container restorer, List<Volume> restorerVolumes) {
    List<Volume> allVolumes = new ArrayList<>(restorerVolumes);
    allVolumes.add(new VolumeBuilder().withName("restored").withNewEmptyDir().endEmptyDir().build());
    allVolumes.add(new VolumeBuilder().withName("restic-cache").withNewEmptyDir().endEmptyDir().build());
    Container restic = new ContainerBuilder()
        .withName("restic-restore")
        .withImage(dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.IMAGE_RESTIC))
        .withCommand("/bin/sh", "-c", "set -eu\nrestic restore latest --host " + host + " --target " + RESTORED + "\n")
        .withEnv(env())
        .addNewVolumeMount().withName("restored").withMountPath(RESTORED).endVolumeMount()
        .addNewVolumeMount().withName("restic-cache").withMountPath("/cache").endVolumeMount()
        .withResources(Pods.resources("100m", "256Mi", "1Gi"))
        .withSecurityContext(uid == ROOT ? Pods.rootContainer() : Pods.restrictedContainer())
        .build();
    Container main = new ContainerBuilder(restorer)
        .addNewVolumeMount().withName("restored").withMountPath(RESTORED).withReadOnly(true).endVolumeMount()
        .build();
    PodSpec pod = pod("Never", List.of(restic), main, allVolumes);
    CronJob job = new CronJobBuilder()
        .withNewMetadata().withName(cronJobName).withNamespace(namespace).withLabels(restoreLabels)
        .withAnnotations(keyScope())
        .endMetadata()
        .withNewSpec()
        .withSchedule(schedule == null ? RARELY : schedule)
        .withSuspend(schedule == null ? true : null)
        .withTimeZone(lab.timeZone())
        .withConcurrencyPolicy("Forbid")
        .withSuccessfulJobsHistoryLimit(1)
        .withFailedJobsHistoryLimit(3)
        .endSpec()
        .build();
    job.getSpec().setJobTemplate(Templates.job(new JobSpecBuilder().withBackoffLimit(schedule == null ? 0 : 2).build(),
        Templates.pod(restoreLabels, null, pod)));
    return job;
  }

  /**
   * Annotation {@value #KEY_SCOPE}: which bucket and prefix the job's own S3 key must be limited
   * to, as {@code <secret>=<bucket>/<prefix>/}; SECRETS.md says so next to the Secret. None when
   * the target shares one key ({@code S3Target.sharedKey()}).
   */
  private Map<String, String> keyScope() {
    if (!target.keyPerConsumer()) {
      return Map.of();
    }
    return Map.of(KEY_SCOPE, target.credentialsSecretFor(host) + "=" + target.bucket() + "/" + repositoryPath + "/");
  }

  /** The annotation naming the bucket and prefix a job's own S3 key must be limited to. */
  public static final String KEY_SCOPE = "homelab.dev/s3-key-scope";

  private List<EnvVar> env() {
    String endpoint = target.endpoint().replaceFirst("/+$", "");
    return List.of(
        Pods.env("RESTIC_REPOSITORY", "s3:" + endpoint + "/" + target.bucket() + "/" + repositoryPath),
        Pods.env("RESTIC_PASSWORD", target.resticPassword()),
        // the consumer's own key (S3Target.keyPerConsumer; the host: apps of a group share a namespace), limited to this repository's prefix
        Pods.env("AWS_ACCESS_KEY_ID", target.accessKeyId(host)),
        Pods.env("AWS_SECRET_ACCESS_KEY", target.secretAccessKey(host)),
        Pods.env("AWS_DEFAULT_REGION", target.region()),
        Pods.env("RESTIC_CACHE_DIR", "/cache"));
  }

  /**
   * Init when the repository does not exist yet, back up, then forget and prune by retention. By
   * restic's exit codes (0.17+, "Scripting" in its docs): {@code cat config} exits 10 only when there
   * is no repository, so any other failure (a wrong password, the store unreachable) runs it again
   * to show its error and fail, never {@code init}; {@code backup} exits 3 when it saved the snapshot
   * but could not read some files (one the app deleted while restic listed it): that night's
   * snapshot is kept and pruning goes on, with restic's own list of the files in the log.
   */
  private String script() {
    return "set -eu\n"
        + "rc=0; restic cat config >/dev/null 2>&1 || rc=$?\n"
        + "if [ \"$rc\" -eq 10 ]; then restic init; elif [ \"$rc\" -ne 0 ]; then restic cat config >/dev/null; fi\n"
        + "rc=0; restic backup --host " + host + excludes.stream().map(e -> " --exclude '" + e + "'").collect(Collectors.joining())
        + " " + SOURCE + " || rc=$?\n"
        + "if [ \"$rc\" -eq 3 ]; then echo 'restic: some files could not be read (above); the snapshot holds the rest' >&2;"
        + " elif [ \"$rc\" -ne 0 ]; then exit \"$rc\"; fi\n"
        + "restic forget --host " + host + " --prune" + keep(target.retention()) + "\n";
  }

  private static String keep(Retention r) {
    StringBuilder sb = new StringBuilder();
    r.hourly().ifPresent(n -> sb.append(" --keep-hourly ").append(n));
    r.daily().ifPresent(n -> sb.append(" --keep-daily ").append(n));
    r.weekly().ifPresent(n -> sb.append(" --keep-weekly ").append(n));
    r.monthly().ifPresent(n -> sb.append(" --keep-monthly ").append(n));
    return sb.length() == 0 ? " --keep-daily 30" : sb.toString();
  }
}
