package dev.homelab.testing;

import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.backup.ResticBackup;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Node;
import dev.homelab.model.network.AddressPool;
import dev.homelab.model.storage.NfsStorageClass;
import dev.homelab.model.storage.StaticVolume;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A lab taken apart into its lists, to rebuild it with a list changed: the model's setters only
 * append. {@code LabPartsTest} checks that {@code of(lab).build()} equals {@code lab} for a lab with
 * every part set, so a new attribute of {@link Lab} not copied here fails the build.
 */
final class LabParts {
  private final Lab lab;
  List<Node> nodes;
  List<AddressPool> pools;
  List<NfsStorageClass> storage;
  List<StaticVolume> staticVolumes;
  List<S3Target> backups;
  List<ResticBackup> restic;
  List<DataService> dataServices;
  List<App> apps;

  private LabParts(Lab lab) {
    this.lab = lab;
    nodes = new ArrayList<>(lab.nodes());
    pools = new ArrayList<>(lab.loadBalancer());
    storage = new ArrayList<>(lab.storage());
    staticVolumes = new ArrayList<>(lab.staticVolumes());
    backups = new ArrayList<>(lab.backups());
    restic = new ArrayList<>(lab.resticBackups());
    dataServices = new ArrayList<>(lab.dataServices());
    apps = new ArrayList<>(lab.apps());
  }

  static LabParts of(Lab lab) {
    return new LabParts(lab);
  }

  /**
   * Apps, data services, static volumes and restic backups shuffled: lists whose order means
   * nothing. Nodes keep theirs (the first server initialises etcd, and the backends list hosts as
   * declared); so do NFS classes and S3 targets (the first one is the default).
   */
  LabParts shuffled(Random random) {
    for (List<?> list : List.of(staticVolumes, restic, dataServices, apps)) {
      Collections.shuffle(list, random);
    }
    return this;
  }

  Lab build() {
    Lab out = Lab.of(lab.name()).sshUser(lab.sshUser()).timeZone(lab.timeZone());
    if (lab.domain().isPresent()) {
      out = out.domain(lab.domain().get());
    }
    if (lab.lan().isPresent()) {
      out = out.lan(lab.lan().get());
    }
    out = out.nodes(nodes.toArray(Node[]::new))
        .loadBalancer(pools.toArray(AddressPool[]::new))
        .storage(storage.toArray(NfsStorageClass[]::new))
        .staticVolumes(staticVolumes.toArray(StaticVolume[]::new))
        .backups(backups.toArray(S3Target[]::new))
        .resticBackups(restic.toArray(ResticBackup[]::new))
        .dataServices(dataServices.toArray(DataService[]::new))
        .apps(apps.toArray(App[]::new));
    if (lab.cluster().isPresent()) {
      out = out.cluster(lab.cluster().get());
    }
    if (lab.ingress().isPresent()) {
      out = out.ingress(lab.ingress().get());
    }
    if (lab.tls().isPresent()) {
      out = out.tls(lab.tls().get());
    }
    if (lab.vpn().isPresent()) {
      out = out.vpn(lab.vpn().get());
    }
    if (lab.security().isPresent()) {
      out = out.security(lab.security().get());
    }
    if (lab.monitoring().isPresent()) {
      out = out.monitoring(lab.monitoring().get());
    }
    if (lab.github().isPresent()) {
      out = out.github(lab.github().get());
    }
    if (lab.dns().isPresent()) {
      out = out.dns(lab.dns().get());
    }
    if (lab.terraformState().isPresent()) {
      out = out.terraformState(lab.terraformState().get());
    }
    if (lab.secretStore().isPresent()) {
      out = out.secretStore(lab.secretStore().get());
    }
    for (var v : lab.versions().entrySet()) {
      out = out.version(v.getKey(), v.getValue());
    }
    return out;
  }
}
