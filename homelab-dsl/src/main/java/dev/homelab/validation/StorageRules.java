package dev.homelab.validation;

import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.app.AppVolume;
import dev.homelab.model.cluster.BuiltIn;
import dev.homelab.model.host.Disk;
import dev.homelab.model.host.Node;
import dev.homelab.model.storage.NfsStorageClass;
import dev.homelab.model.storage.StorageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Storage classes, static volumes and the claims of apps, data services and monitoring. */
final class StorageRules {
  /** k3s' bundled class, present unless {@link BuiltIn#LOCAL_STORAGE} is disabled; it is then the default class. */
  static final String LOCAL_PATH = StorageKind.LOCAL_PATH;

  private StorageRules() {}

  static List<Rule> all() {
    return List.of(storageClassDisk(), staticVolumeDisk(), storageClassKnown(), staticVolumeKnown(),
        staticVolumeSingleClaim(), oneDefaultStorageClass(), localVolumesNeedLocalPath(), localClaimsBackedUp());
  }

  /**
   * A claim on local-path lives in a folder of one node's disk (on a Pi, often its SD card), with no
   * copy anywhere: an app keeping its configuration there (Home Assistant's users and integrations,
   * Jellyfin's library) loses it with that disk unless the app is backed up. A warning: the lab
   * works, and some claims are caches.
   */
  static Rule localClaimsBackedUp() {
    return Rule.of(Checks.LOCAL_CLAIMS_BACKED_UP, (lab, r) -> lab.apps().forEach(a -> {
      List<String> local = a.volumes().stream()
          .filter(v -> v.staticVolume().isEmpty() && lab.storageClassOf(v).equals(LOCAL_PATH))
          .map(dev.homelab.model.app.AppVolume::name).toList();
      if (local.isEmpty() || !a.backups().isEmpty()) {
        return;
      }
      String target = lab.backups().isEmpty() ? "offsite" : lab.backups().get(0).name();
      r.report(ModelPaths.app(a.name()), (local.size() == 1 ? "claim " : "claims ") + String.join(", ", local)
              + (local.size() == 1 ? " lives" : " live") + " on one node's disk (local-path) with no backup: losing that disk loses "
              + (local.size() == 1 ? "it" : "them"),
          lab.backups().isEmpty() ? "Declare an S3 target with homelab.backups(...) and back the app up with .backup(" + target + ")"
              : "Back the app up with .backup(" + target + ")");
    }));
  }

  /** An NFS class provisions on an exported disk of a known node. */
  static Rule storageClassDisk() {
    return Rule.of(Checks.STORAGE_CLASS_DISK, (lab, r) -> lab.storage().forEach(c ->
        exportedDisk(lab, c.node(), c.disk(), ModelPaths.storageClass(c.name()), r)));
  }

  /** A static volume is an exported disk of a known node. */
  static Rule staticVolumeDisk() {
    return Rule.of(Checks.STATIC_VOLUME_DISK, (lab, r) -> lab.staticVolumes().forEach(v ->
        exportedDisk(lab, v.node(), v.disk(), ModelPaths.staticVolume(v.name()), r)));
  }

  private static void exportedDisk(Lab lab, String nodeName, String diskName, String path, Rule.Reporter r) {
    Optional<Node> node = lab.node(nodeName);
    if (node.isEmpty()) {
      r.report(path, "node " + nodeName + " is not defined", "Use one of the nodes: " + names(lab));
      return;
    }
    Optional<Disk> disk = node.get().disk(diskName);
    if (disk.isEmpty()) {
      r.report(path, "node " + nodeName + " has no disk called " + diskName,
          "Add it with node(\"" + nodeName + "\").disks(btrfsRaid1(\"" + diskName + "\", ...).exportOverNfs())");
    } else if (!disk.get().nfsExported()) {
      r.report(path, "disk " + diskName + " of node " + nodeName + " is not exported over NFS",
          "Call .exportOverNfs() on that disk");
    }
  }

  /** A claim's class must exist: the lab's NFS classes, plus {@code local-path} unless it is disabled. */
  static Rule storageClassKnown() {
    return Rule.of(Checks.STORAGE_CLASS_KNOWN, (lab, r) -> {
      Set<String> known = knownClasses(lab);
      for (App a : lab.apps()) {
        for (AppVolume v : a.volumes()) {
          v.storageClass().filter(c -> !known.contains(c)).ifPresent(c ->
              r.report(ModelPaths.appVolume(a.name(), v.name()), unknownClass(c), knownFix(known)));
        }
      }
      lab.dataServices().forEach(d -> d.storageClass().filter(c -> !known.contains(c)).ifPresent(c ->
          r.report(ModelPaths.dataService(d.name()), unknownClass(c), knownFix(known))));
      lab.monitoring().flatMap(m -> m.storageClass()).filter(c -> !known.contains(c)).ifPresent(c ->
          r.report(ModelPaths.monitoring(), unknownClass(c), knownFix(known)));
    });
  }

  private static String unknownClass(String name) {
    return "storage class " + name + " is not defined";
  }

  private static String knownFix(Set<String> known) {
    return known.isEmpty() ? "Add one with homelab.storage(nfsStorageClass(...))" : "Use one of: " + String.join(", ", known);
  }

  /** A mounted static volume must be declared with {@code homelab.staticVolumes(...)}. */
  static Rule staticVolumeKnown() {
    return Rule.of(Checks.STATIC_VOLUME_KNOWN, (lab, r) -> lab.apps().forEach(a -> a.volumes().forEach(v ->
        v.staticVolume().filter(s -> lab.staticVolume(s).isEmpty()).ifPresent(s -> r.report(
            ModelPaths.appVolume(a.name(), v.name()), "static volume " + s + " is not defined",
            "Add it with homelab.staticVolumes(staticVolume(\"" + s + "\", node, disk, size))")))));
  }

  /**
   * A static PersistentVolume binds exactly one claim, and claims live in their app's namespace, so
   * only one app can mount a static volume.
   */
  static Rule staticVolumeSingleClaim() {
    return Rule.of(Checks.STATIC_VOLUME_SINGLE_CLAIM, (lab, r) -> {
      java.util.Map<String, String> firstUser = new java.util.HashMap<>();
      for (App a : lab.apps()) {
        for (AppVolume v : a.volumes()) {
          v.staticVolume().filter(s -> lab.staticVolume(s).isPresent()).ifPresent(s -> {
            String first = firstUser.putIfAbsent(s, a.name());
            if (first != null && !first.equals(a.name())) {
              r.report(ModelPaths.appVolume(a.name(), v.name()), "static volume " + s + " is already mounted by app " + first
                  + " (a static volume binds one claim)", "Mount it in one app only, or export another share with its own staticVolume(...)");
            }
          });
        }
      }
    });
  }

  /** Two default classes make claims without a class ambiguous; local-path is the default while enabled. */
  static Rule oneDefaultStorageClass() {
    return Rule.of(Checks.ONE_DEFAULT_STORAGE_CLASS, (lab, r) -> {
      String first = localPathEnabled(lab) ? LOCAL_PATH : null;
      for (NfsStorageClass c : lab.storage()) {
        if (!c.defaultClass()) {
          continue;
        }
        if (first == null) {
          first = c.name();
        } else if (first.equals(LOCAL_PATH)) {
          r.report(ModelPaths.storageClass(c.name()), "is a default storage class, and so is k3s' local-path",
              "Call k3s(...).disable(BuiltIn.LOCAL_STORAGE), or drop .asDefault()");
        } else {
          r.report(ModelPaths.storageClass(c.name()), "is a default storage class, and so is " + first,
              "Call .asDefault() on one class only");
        }
      }
    });
  }

  /**
   * Volumes kept on their node (data services, Prometheus and {@code .local()} app claims, unless they
   * name a class) need k3s' local-path provisioner. One line for all of them: it
   * is one setting.
   */
  static Rule localVolumesNeedLocalPath() {
    return Rule.of(Checks.LOCAL_VOLUMES_NEED_LOCAL_PATH, (lab, r) -> {
      if (localPathEnabled(lab)) {
        return;
      }
      List<String> users = new ArrayList<>();
      for (App a : lab.apps()) {
        a.volumes().stream().filter(v -> v.staticVolume().isEmpty() && v.storageClass().isEmpty() && lab.storageClassOf(v).equals(LOCAL_PATH))
            .forEach(v -> users.add("apps/" + a.name() + "/volumes/" + v.name()));
      }
      // a volume that names local-path is storage-class-known's problem: one mistake, one line
      lab.dataServices().stream().filter(d -> d.storageClass().isEmpty()).forEach(d -> users.add("dataServices/" + d.name()));
      lab.monitoring().filter(m -> m.storageClass().isEmpty()).ifPresent(m -> users.add("monitoring"));
      // Traefik's ACME state and CrowdSec's LAPI take lab.storageClassForSmallState(): local-path
      // unless an NFS class stands in for it
      if (lab.storageClassForSmallState().equals(LOCAL_PATH)) {
        lab.tls().filter(t -> t.issuer() == dev.homelab.model.network.Tls.Issuer.TRAEFIK_ACME).ifPresent(t -> users.add("tls (Traefik's ACME state)"));
        lab.security().ifPresent(c -> users.add("security (CrowdSec's LAPI)"));
      }
      if (!users.isEmpty()) {
        r.report("homelab/cluster", "node-local volumes (" + few(users) + ") need k3s' local-path provisioner, which is disabled",
            "Remove BuiltIn.LOCAL_STORAGE from k3s(...).disable(...), or give each of them an NFS class with .storageClass(...)");
      }
    });
  }

  /** The first three, then how many more: a message stays one short line. */
  private static String few(List<String> items) {
    String head = String.join(", ", items.subList(0, Math.min(3, items.size())));
    return items.size() > 3 ? head + " and " + (items.size() - 3) + " more" : head;
  }

  static boolean localPathEnabled(Lab lab) {
    return !lab.disabledBuiltIns().contains(BuiltIn.LOCAL_STORAGE);
  }

  static Set<String> knownClasses(Lab lab) {
    Set<String> known = new TreeSet<>();
    lab.storage().forEach(c -> known.add(c.name()));
    if (localPathEnabled(lab)) {
      known.add(LOCAL_PATH);
    }
    return known;
  }

  static String names(Lab lab) {
    List<String> names = new ArrayList<>();
    lab.nodes().forEach(n -> names.add(n.name()));
    return names.isEmpty() ? "(none yet; add one with homelab.nodes(...))" : names.stream().collect(Collectors.joining(", "));
  }
}
