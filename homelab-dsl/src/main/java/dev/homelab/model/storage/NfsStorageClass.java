package dev.homelab.model.storage;

import dev.homelab.model.host.Node;
import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.nameOrUnknown;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import org.immutables.value.Value;

/**
 * A StorageClass provisioning volumes as sub-directories of an NFS-exported disk
 * (csi-driver-nfs).
 *
 * @see <a href="https://github.com/kubernetes-csi/csi-driver-nfs/blob/master/docs/driver-parameters.md">csi-driver-nfs parameters</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class NfsStorageClass {
  NfsStorageClass() {}

  /**
   * StorageClass name. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/storage-classes/">StorageClasses</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * Host that exports the disk. Required.
   *
   * @see <a href="https://github.com/kubernetes-csi/csi-driver-nfs/blob/master/docs/driver-parameters.md">csi-driver-nfs parameters</a>
   */
  @Value.Parameter
  public abstract String node();

  /**
   * Name of the NFS-exported disk on that host. Required.
   *
   * @see <a href="https://github.com/kubernetes-csi/csi-driver-nfs/blob/master/docs/driver-parameters.md">csi-driver-nfs parameters</a>
   */
  @Value.Parameter
  public abstract String disk();

  /**
   * Sub-directory of the export volumes go to. Default: {@code k8s}.
   *
   * @see <a href="https://github.com/kubernetes-csi/csi-driver-nfs/blob/master/docs/driver-parameters.md">csi-driver-nfs parameters</a>
   */
  @Value.Default
  public String subPath() {
    return "k8s";
  }

  /**
   * The cluster's default StorageClass. Default: false.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/storage-classes/">StorageClasses</a>
   */
  @Value.Default
  public boolean defaultClass() {
    return false;
  }

  /**
   * Keep the data when a claim is deleted ({@code reclaimPolicy: Retain}). Default: true.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/storage-classes/">StorageClasses</a>
   */
  @Value.Default
  public boolean retain() {
    return true;
  }

  /**
   * A StorageClass; all arguments required. Prefer {@link dev.homelab.Homelab#nfsStorageClass}. Default:
   * sub-directory {@code k8s}, data retained, not the default class.
   *
   * @see <a href="https://github.com/kubernetes-csi/csi-driver-nfs/blob/master/docs/driver-parameters.md">csi-driver-nfs parameters</a>
   */
  public static NfsStorageClass of(String name, Node node, String disk) {
    required(name, ModelPaths.storageClass(nameOrUnknown(name)), "NfsStorageClass.of(name, …)", "the class's name", "nfsStorageClass(\"nfs\", nas, \"data\")");
    required(node, ModelPaths.storageClass(nameOrUnknown(name)), "NfsStorageClass.of(…, node, …)", "the node with the disk", "nfsStorageClass(\"nfs\", nas, \"data\")");
    required(disk, ModelPaths.storageClass(nameOrUnknown(name)), "NfsStorageClass.of(…, disk)", "a disk's name", "nfsStorageClass(\"nfs\", nas, \"data\")");
    return ImmutableNfsStorageClass.of(name, node.name(), disk);
  }

  /**
   * Makes this the default StorageClass. Default: not default.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/storage-classes/">StorageClasses</a>
   */
  public NfsStorageClass asDefault() {
    return copy().withDefaultClass(true);
  }

  /**
   * Deletes the data with the claim. Default: retain.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/storage/storage-classes/">StorageClasses</a>
   */
  public NfsStorageClass deleteOnRelease() {
    return copy().withRetain(false);
  }

  /**
   * Sub-directory of the export. Default: {@code k8s}.
   *
   * @see <a href="https://github.com/kubernetes-csi/csi-driver-nfs/blob/master/docs/driver-parameters.md">csi-driver-nfs parameters</a>
   */
  public NfsStorageClass subPath(String path) {
    required(path, ModelPaths.storageClass(name()), ".subPath(path)", "a relative directory", ".subPath(\"k8s\")");
    return copy().withSubPath(path);
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableNfsStorageClass copy() {
    return (ImmutableNfsStorageClass) this;
  }

  /**
   * Broken invariants: the sub-directory is a relative path of plain segments, because csi-driver-nfs
   * joins it below the export ({@code subDir}) and a {@code ..} would leave the export. Never throws.
   */
  public List<Problem> violations() {
    return new Problems()
        .when(!Names.isAbsolutePath("/" + subPath()), Checks.NFS_SUB_PATH,
            () -> "NFS sub-directory " + Texts.quote(subPath()) + " is not a relative path of letters, digits and ._-",
            "Call .subPath(\"k8s\")")
        .list();
  }
}
