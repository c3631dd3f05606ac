package dev.homelab.model.backup;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.nameOrUnknown;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.model.Retention;
import dev.homelab.model.SecretRef;
import dev.homelab.internal.SecretShapes;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import org.immutables.value.Value;

/**
 * An S3-compatible bucket outside the lab (Backblaze B2, Wasabi, R2, MinIO...) for database dumps
 * and etcd snapshots. Credentials are a secret with keys {@code access-key-id} and
 * {@code secret-access-key}.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/Welcome.html">S3 API</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class S3Target {
  S3Target() {}

  /**
   * Name of the target in the model; referenced by backups and Terraform state. Required.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html">restic repositories</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * Endpoint URL, e.g. {@code https://s3.eu-central-003.backblazeb2.com}. Required.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html">restic repositories</a>
   */
  @Value.Parameter
  public abstract String endpoint();

  /**
   * Bucket name. Required.
   *
   * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html">bucket naming rules</a>
   */
  @Value.Parameter
  public abstract String bucket();

  /**
   * Region. Default: {@code us-east-1}.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html">restic repositories</a>
   */
  @Value.Default
  public String region() {
    return "us-east-1";
  }

  /**
   * Secret with keys {@code access-key-id} and {@code secret-access-key}. Default: secret {@code s3-<name>}.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/secret/">Kubernetes Secrets</a>
   */
  @Value.Default
  public String credentials() {
    return "s3-" + name();
  }

  /**
   * Whether every consumer writing here (each app's and data service's backup job, the k3s etcd
   * snapshots, each host's database dumps) gets its own key, restricted to the bucket and its own
   * prefix, instead of sharing the credentials Terraform uses. A stolen key then reaches one
   * consumer's backups, not the others'. Backblaze B2 application keys take a bucket and a name
   * prefix; on AWS and MinIO a policy per key does the same. Default: true.
   *
   * @see <a href="https://www.backblaze.com/docs/cloud-storage-application-keys">Backblaze B2 application keys (bucket and name prefix)</a>
   * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-policies-s3.html">S3 policies limited to a prefix</a>
   */
  @Value.Default
  public boolean keyPerConsumer() {
    return true;
  }

  /**
   * Snapshots kept by the backups writing here ({@code restic forget}), and how long overwritten or
   * deleted objects stay recoverable in a versioned bucket. Default: 30 daily.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/060_forget.html">restic forget policies</a>
   */
  @Value.Default
  public Retention retention() {
    return Retention.keep().daily(30);
  }

  /**
   * Bucket versioning (protects against a compromised host overwriting backups). Default: true.
   *
   * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html">S3 versioning</a>
   */
  @Value.Default
  public boolean versioning() {
    return true;
  }

  /**
   * Password of the restic repositories that in-cluster backups keep in this bucket (restic
   * encrypts every backup with it; lose it and the backups are unreadable). Default:
   * {@code secret("restic-<name>", "password")}.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html">restic repositories</a>
   */
  @Value.Default
  public SecretRef resticPassword() {
    return SecretRef.of("restic-" + name(), "password");
  }

  /**
   * Whether Terraform creates the bucket. Default: true.
   *
   * @see <a href="https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket">aws_s3_bucket</a>
   */
  @Value.Default
  public boolean managedByTerraform() {
    return true;
  }

  /**
   * An S3-compatible bucket; all arguments required. Prefer {@link dev.homelab.Homelab#s3}. Default:
   * region {@code us-east-1}, credentials secret {@code s3-<name>}, versioned, 30 daily kept, created by Terraform.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html">restic repositories</a>
   */
  public static S3Target of(String name, String endpoint, String bucket) {
    required(name, ModelPaths.s3(nameOrUnknown(name)), "S3Target.of(name, …)", "the target's name", "s3(\"offsite\", \"https://s3.example.com\", \"homelab-backups\")");
    required(endpoint, ModelPaths.s3(nameOrUnknown(name)), "S3Target.of(…, endpoint, …)", "the S3 endpoint URL", "s3(\"offsite\", \"https://s3.example.com\", \"homelab-backups\")");
    required(bucket, ModelPaths.s3(nameOrUnknown(name)), "S3Target.of(…, bucket)", "the bucket's name", "s3(\"offsite\", \"https://s3.example.com\", \"homelab-backups\")");
    return ImmutableS3Target.of(name, endpoint, bucket);
  }

  /**
   * Bucket region. Default: {@code us-east-1}.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html">restic repositories</a>
   */
  public S3Target region(String region) {
    required(region, ModelPaths.s3(name()), ".region(region)", "a region", ".region(\"us-east-1\")");
    return copy().withRegion(region);
  }

  /**
   * Name of the Secret holding {@code access-key-id} and {@code secret-access-key}. Default: {@code s3-<name>}.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/secret/">Kubernetes Secrets</a>
   */
  public S3Target credentials(String secretName) {
    required(secretName, ModelPaths.s3(name()), ".credentials(secretName)", "a Secret's name", ".credentials(\"s3-offsite\")");
    return copy().withCredentials(secretName);
  }

  /**
   * Snapshots kept ({@code restic forget}) and days old object versions are kept. Default: 30 daily.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/060_forget.html">restic forget policies</a>
   */
  public S3Target retention(Retention retention) {
    required(retention, ModelPaths.s3(name()), ".retention(retention)", "a retention policy", ".retention(keep().daily(30))");
    return copy().withRetention(retention);
  }

  /**
   * Where the restic repository password lives. Default: {@code secret("restic-<name>", "password")}.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html">restic repositories</a>
   */
  public S3Target resticPassword(SecretRef secret) {
    required(secret, ModelPaths.s3(name()), ".resticPassword(secret)", "a secret reference", ".resticPassword(secret(\"restic-offsite\", \"password\"))");
    return copy().withResticPassword(secret);
  }

  /**
   * Disables bucket versioning. Default: versioned.
   *
   * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html">S3 versioning</a>
   */
  public S3Target withoutVersioning() {
    return copy().withVersioning(false);
  }

  /**
   * The bucket exists already; Terraform does not create it. Default: Terraform creates it.
   *
   * @see <a href="https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket">aws_s3_bucket</a>
   */
  public S3Target existingBucket() {
    return copy().withManagedByTerraform(false);
  }

  /**
   * Lets every consumer use the credentials secret, for a store whose keys cannot be limited to a
   * prefix. Default: a key per consumer ({@link #keyPerConsumer()}).
   *
   * @see <a href="https://www.backblaze.com/docs/cloud-storage-application-keys">Backblaze B2 application keys</a>
   */
  public S3Target sharedKey() {
    return copy().withKeyPerConsumer(false);
  }

  /**
   * The Secret holding the key of {@code consumer} ({@code s3-<name>-<consumer>}), or the shared
   * credentials secret with {@link #sharedKey()}.
   */
  public String credentialsSecretFor(String consumer) {
    required(consumer, ModelPaths.s3(name()), "credentialsSecretFor(consumer)", "the consumer's name", "offsite.credentialsSecretFor(\"nextcloud\")");
    return keyPerConsumer() ? credentials() + "-" + consumer : credentials();
  }

  /** The access key id of {@code consumer} (see {@link #credentialsSecretFor}). */
  public SecretRef accessKeyId(String consumer) {
    required(consumer, ModelPaths.s3(name()), "accessKeyId(consumer)", "the consumer's name", "offsite.accessKeyId(\"nextcloud\")");
    return SecretRef.of(credentialsSecretFor(consumer), "access-key-id");
  }

  /** The secret access key of {@code consumer} (see {@link #credentialsSecretFor}). */
  public SecretRef secretAccessKey(String consumer) {
    required(consumer, ModelPaths.s3(name()), "secretAccessKey(consumer)", "the consumer's name", "offsite.secretAccessKey(\"nextcloud\")");
    return SecretRef.of(credentialsSecretFor(consumer), "secret-access-key");
  }

  /** The access key id: key {@code access-key-id} of the credentials secret. */
  public SecretRef accessKeyId() {
    return SecretRef.of(credentials(), "access-key-id");
  }

  /** The secret access key: key {@code secret-access-key} of the credentials secret. */
  public SecretRef secretAccessKey() {
    return SecretRef.of(credentials(), "secret-access-key");
  }

  /** The endpoint's host name, without scheme. */
  public String endpointHost() {
    return endpoint().replaceFirst("^https?://", "").replaceFirst("/.*$", "");
  }

  /** Broken invariants of this target; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    return new Problems()
        .when(SecretShapes.inText(endpoint()).isPresent(), Checks.PLAIN_SECRET_VALUE,
            () -> "endpoint holds " + SecretShapes.inText(endpoint()).get(),
            "Drop them from the URL, e.g. \"https://s3.example.com\": the keys are read from secret(\""
                + (Names.isDnsSubdomain(credentials()) ? credentials() : "s3-credentials")
                + "\", \"access-key-id\") and its key secret-access-key")
        .when(!region().matches("[a-z0-9][a-z0-9-]{0,62}"), Checks.S3_TARGET, () -> "region " + Texts.quote(region()) + " is not a region name",
            "Call .region(\"us-east-1\") or the provider's region, e.g. \"eu-central-003\"")
        .when(SecretShapes.inText(endpoint()).isEmpty() && !isEndpoint(endpoint()), Checks.S3_TARGET,
            () -> "endpoint " + Texts.quote(endpoint()) + " is not an http(s) URL of a host name or IP",
            "Write it like \"https://s3.eu-central-003.backblazeb2.com\"")
        .when(!bucket().matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"), Checks.S3_TARGET, () -> "bucket " + Texts.quote(bucket()) + " is not a valid bucket name",
            "Use 3 to 63 lower-case letters, digits, '.' and '-'")
        .when(retention().isEmpty(), Checks.RETENTION_EMPTY, () -> "retention keeps nothing", "Call .retention(keep().daily(30))")
        .list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableS3Target copy() {
    return (ImmutableS3Target) this;
  }

  /** {@code http(s)://host[:port][/path]}: the host is what k3s' {@code etcd-s3-endpoint} and restic's repository URL get. */
  private static boolean isEndpoint(String endpoint) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://([^/:?#@\\s]+)(:[0-9]{1,5})?(/[A-Za-z0-9._~%/-]*)?")
        .matcher(endpoint);
    return m.matches() && Names.isHostName(m.group(1));
  }
}
