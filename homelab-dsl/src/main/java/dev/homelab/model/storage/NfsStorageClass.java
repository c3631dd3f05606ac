package dev.homelab.model.storage;

import dev.homelab.model.HomelabStyle;
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

  /** StorageClass name. */
  @Value.Parameter
  public abstract String name();

  /** Host that exports the disk. */
  @Value.Parameter
  public abstract String node();

  /** Name of the NFS-exported disk on that host. */
  @Value.Parameter
  public abstract String disk();

  /** Sub-directory of the export volumes go to. Default: {@code k8s}. */
  @Value.Default
  public String subPath() {
    return "k8s";
  }

  /** The cluster's default StorageClass. Default: false. */
  @Value.Default
  public boolean defaultClass() {
    return false;
  }

  /** Keep the data when a claim is deleted. Default: true. */
  @Value.Default
  public boolean retain() {
    return true;
  }

  public static NfsStorageClass of(String name, String node, String disk) {
    return ImmutableNfsStorageClass.of(name, node, disk);
  }

  /** Makes this the default StorageClass. Default: not default. */
  public NfsStorageClass asDefault() {
    return copy().withDefaultClass(true);
  }

  /** Deletes the data with the claim. Default: retain. */
  public NfsStorageClass deleteOnRelease() {
    return copy().withRetain(false);
  }

  /** Sub-directory of the export. Default: {@code k8s}. */
  public NfsStorageClass subPath(String path) {
    return copy().withSubPath(path);
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableNfsStorageClass copy() {
    return (ImmutableNfsStorageClass) this;
  }
}
