package dev.homelab.k8s.platform;

import dev.homelab.k8s.Component;
import dev.homelab.k8s.crd.helm.HelmChart;
import dev.homelab.k8s.crd.helm.HelmValues;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.app.AppVolume;
import dev.homelab.model.host.Disk;
import dev.homelab.model.host.Node;
import dev.homelab.model.storage.NfsStorageClass;
import dev.homelab.model.storage.StaticVolume;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * NFS storage through csi-driver-nfs: a StorageClass per {@link NfsStorageClass} provisioning a
 * sub-directory of an exported disk per claim, and a static PersistentVolume per
 * {@link StaticVolume} (the media disk) that the apps' claims bind by {@code volumeName}.
 *
 * @see <a href="https://github.com/kubernetes-csi/csi-driver-nfs/blob/master/docs/driver-parameters.md">csi-driver-nfs parameters</a>
 */
public final class NfsStorageComponent implements Component {
  /** The CSI driver name of csi-driver-nfs, the StorageClasses' provisioner. */
  public static final String DRIVER = "nfs.csi.k8s.io";
  /** NFSv4.1: one TCP connection, no separate mountd/lockd ports to open. */
  static final List<String> MOUNT_OPTIONS = List.of("nfsvers=4.1");

  @Override
  public String folder() {
    return "storage";
  }

  @Override
  public List<HasMetadata> objects(Lab lab) {
    if (lab.storage().isEmpty() && lab.staticVolumes().isEmpty()) {
      return List.of();
    }
    List<HasMetadata> out = new ArrayList<>();
    // kube-system, as upstream installs it: the node plugin is privileged (mounts on the host)
    out.add(HelmChart.of("csi-driver-nfs",
        "https://raw.githubusercontent.com/kubernetes-csi/csi-driver-nfs/master/charts", "csi-driver-nfs",
        dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.CHART_CSI_DRIVER_NFS), "kube-system",
        // The chart's snapshot sidecar needs the VolumeSnapshot CRDs and a snapshot controller,
        // which neither k3s nor this chart (externalSnapshotter off) installs: it would only log
        // list errors. Backups are restic's and btrbk's.
        HelmValues.create().set("controller.enableSnapshotter", false)));
    for (NfsStorageClass c : lab.storage()) {
      out.add(storageClass(lab, c));
    }
    for (StaticVolume v : lab.staticVolumes()) {
      out.add(persistentVolume(lab, v));
    }
    return out;
  }

  static HasMetadata storageClass(Lab lab, NfsStorageClass c) {
    Map<String, String> parameters = new TreeMap<>();
    parameters.put("server", server(lab, c.node()));
    parameters.put("share", share(lab, c.node(), c.disk()));
    parameters.put("subDir", c.subPath() + "/${pvc.metadata.namespace}-${pvc.metadata.name}");
    StorageClassBuilder b = new StorageClassBuilder()
        .withNewMetadata().withName(c.name()).endMetadata()
        .withProvisioner(DRIVER)
        .withParameters(parameters)
        .withMountOptions(MOUNT_OPTIONS)
        .withReclaimPolicy(c.retain() ? "Retain" : "Delete")
        .withVolumeBindingMode("Immediate");
    if (c.defaultClass()) {
      b.editMetadata().addToAnnotations("storageclass.kubernetes.io/is-default-class", "true").endMetadata();
    }
    return b.build();
  }

  static HasMetadata persistentVolume(Lab lab, StaticVolume v) {
    String server = server(lab, v.node());
    String share = share(lab, v.node(), v.disk());
    Map<String, String> attributes = new TreeMap<>();
    attributes.put("server", server);
    attributes.put("share", share);
    return new PersistentVolumeBuilder()
        .withNewMetadata().withName(v.name()).endMetadata()
        .withNewSpec()
        .addToCapacity("storage", new Quantity(v.size()))
        .withAccessModes("ReadWriteMany")
        // a share that existed before the cluster: never delete its data
        .withPersistentVolumeReclaimPolicy("Retain")
        // "" keeps the default StorageClass away: only a claim naming this volume binds it
        .withStorageClassName("")
        .withMountOptions(MOUNT_OPTIONS)
        .withNewCsi()
        .withDriver(DRIVER)
        // unique per volume; csi-driver-nfs reads it as server#share#subDir
        .withVolumeHandle(server + "#" + share + "#")
        .withVolumeAttributes(attributes)
        .withReadOnly(v.isReadOnly())
        .endCsi()
        .withClaimRef(claimRef(lab, v))
        .endSpec()
        .build();
  }

  /**
   * The claim this volume is reserved for: the first app (in declaration order) mounting it, whose
   * claim has the volume's name in the app's namespace. Pre-binding keeps any other claim from
   * grabbing a share that existed before the cluster; null when no app mounts it.
   */
  private static ObjectReference claimRef(Lab lab, StaticVolume v) {
    for (App app : lab.apps()) {
      for (AppVolume mount : app.volumes()) {
        if (mount.staticVolume().filter(v.name()::equals).isPresent()) {
          return new ObjectReferenceBuilder().withNamespace(app.namespace()).withName(dev.homelab.k8s.apps.AppNames.claim(app, mount)).build();
        }
      }
    }
    return null;
  }

  private static String server(Lab lab, String nodeName) {
    return node(lab, nodeName).address();
  }

  private static String share(Lab lab, String nodeName, String diskName) {
    Node node = node(lab, nodeName);
    return node.disk(diskName).map(Disk::mountPoint).orElseThrow(() -> new IllegalStateException(
        "node " + nodeName + " has no disk " + diskName + "; the model validation should have rejected it"));
  }

  private static Node node(Lab lab, String name) {
    return lab.node(name).orElseThrow(() -> new IllegalStateException(
        "no node " + name + "; the model validation should have rejected it"));
  }
}
