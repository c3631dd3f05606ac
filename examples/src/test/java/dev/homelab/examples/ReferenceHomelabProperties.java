package dev.homelab.examples;

import static dev.homelab.testing.HomelabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.Lab;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Node;
import dev.homelab.testing.LabRender;
import dev.homelab.testing.Labs;
import dev.homelab.testing.RenderedTopology;
import dev.homelab.testing.Topology;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The properties a user states about their own lab, written with homelab-testing as
 * docs/testing.md shows: about the lab itself, and about every small change of it.
 */
class ReferenceHomelabProperties {
  private static final Lab LAB = ReferenceHomelab.lab();

  @Example
  void no_internal_app_is_reachable_from_the_internet() {
    Topology topology = Topology.of(LAB);
    assertThat(topology.reachableFromInternet()).containsExactlyInAnyOrder("nextcloud", "blog")
        .noneMatch(topology.internalApps()::contains);
    assertThat(LabRender.of(LAB)).routesOnlyPublicHostsPublicly();
    // The same question asked of what is deployed: the routes on Traefik's public entry points.
    RenderedTopology deployed = LabRender.of(LAB).topology();
    assertThat(deployed.reachableFromInternet()).noneMatch(topology.internalApps()::contains);
    assertThat(deployed.reachableFromInternetWithoutCrowdSec()).isEmpty();
  }

  @Example
  void every_postgresql_database_is_backed_up_off_site() {
    Topology topology = Topology.of(LAB);
    LAB.dataServices().stream()
        .filter(d -> d.kind() == DataService.Kind.POSTGRES)
        .forEach(d -> assertThat(topology.isBackedUp(d.name())).as(d.name()).isTrue());
    // ...and a rendered backup CronJob to S3 really reads each of them.
    RenderedTopology deployed = LabRender.of(LAB).topology();
    LAB.dataServices().stream()
        .filter(d -> d.kind() == DataService.Kind.POSTGRES)
        .forEach(d -> assertThat(deployed.isBackedUp(d.name())).as(d.name()).isTrue());
    LAB.nodes().forEach(n -> n.postgres().ifPresent(p -> assertThat(p.backup()).as(n.name()).isPresent()));
  }

  @Example
  void every_app_using_postgresql_keeps_its_own_files_backed_up_too() {
    Topology topology = Topology.of(LAB);
    for (String app : topology.usersOf("postgres")) {
      assertThat(topology.appDataBackedUp(app)).as(app).isTrue();
    }
  }

  @Example
  void losing_any_one_server_keeps_etcd_quorum() {
    Topology topology = Topology.of(LAB);
    for (Node server : LAB.servers()) {
      assertThat(topology.ifLost(server.name()).etcdQuorumKept()).as(server.name()).isTrue();
      // the inventory's server group is what k3s-ansible installs etcd on
      assertThat(LabRender.of(LAB).topology().ifLost(server.name()).etcdQuorumKept()).as(server.name()).isTrue();
    }
  }

  @Example
  void the_render_is_self_consistent() {
    assertThat(LabRender.of(LAB))
        .hasNoUnresolvedReferences()
        .hasNoSecretValues()
        .parsesWithFabric8()
        .hasObject("IngressRoute", "homeassistant", "homeassistant")
        .list("spec.entryPoints").containsExactly("websecure-int");
  }

  @Property(tries = 30)
  void the_next_change_of_the_lab_keeps_internal_apps_off_the_internet(@ForAll("changes") Lab changed) {
    Topology topology = Topology.of(changed);
    assertThat(topology.reachableFromInternet()).noneMatch(topology.internalApps()::contains);
    assertThat(LabRender.of(changed)).routesOnlyPublicHostsPublicly().hasNoUnresolvedReferences();
  }

  @Provide
  Arbitrary<Lab> changes() {
    return Labs.variationsOf(LAB);
  }
}
