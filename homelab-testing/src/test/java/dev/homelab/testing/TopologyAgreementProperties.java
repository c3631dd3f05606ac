package dev.homelab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Node;
import java.util.SortedSet;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Topology} answers from the model and {@link RenderedTopology} from the rendered objects:
 * on every generated lab (and on changes of one) they must agree, so a property a user states over
 * the model holds for what is deployed, and a backend change that breaks the link fails here.
 */
class TopologyAgreementProperties {

  @Provide
  Arbitrary<Lab> labs() {
    return Labs.arbitrary();
  }

  @Provide
  Arbitrary<Lab> variations() {
    return Labs.arbitrary().nodes(2, 6).flatMap(Labs::variationsOf);
  }

  @Property(tries = 30)
  void should_agree_on_who_reaches_which_app(@ForAll("labs") Lab lab) {
    assertReachabilityAgrees(lab);
  }

  @Property(tries = 30)
  void should_agree_on_what_losing_each_node_breaks(@ForAll("labs") Lab lab) {
    assertLossAgrees(lab);
  }

  @Property(tries = 30)
  void should_agree_on_what_is_backed_up(@ForAll("labs") Lab lab) {
    assertBackupsAgree(lab);
  }

  @Property(tries = 15)
  void should_agree_on_changes_of_a_lab(@ForAll("variations") Lab lab) {
    assertReachabilityAgrees(lab);
    assertLossAgrees(lab);
    assertBackupsAgree(lab);
  }

  static void assertReachabilityAgrees(Lab lab) {
    Topology model = Topology.of(lab);
    RenderedTopology rendered = LabRender.of(lab).topology();
    assertThat(apps(lab, rendered.reachableFromInternet())).as("from the internet").isEqualTo(model.reachableFromInternet());
    assertThat(apps(lab, rendered.reachableFromInternetWithoutCrowdSec())).as("from the internet without CrowdSec")
        .isEqualTo(model.reachableFromInternetWithoutCrowdSec());
    assertThat(apps(lab, rendered.reachableFromVpn())).as("from the VPN").isEqualTo(model.reachableFromVpn());
    for (App app : lab.apps()) {
      assertThat(rendered.reachableFrom(app.name())).as("from app %s", app.name()).isEqualTo(model.reachableFrom(app.name()));
    }
  }

  static void assertLossAgrees(Lab lab) {
    Topology model = Topology.of(lab);
    RenderedTopology rendered = LabRender.of(lab).topology();
    for (Node node : lab.nodes()) {
      Topology.Impact want = model.ifLost(node.name());
      Topology.Impact got = rendered.ifLost(node.name());
      assertThat(got.etcdQuorumKept()).as("quorum without %s", node.name()).isEqualTo(want.etcdQuorumKept());
      assertThat(got.controlPlaneLeft()).as("control plane without %s", node.name()).isEqualTo(want.controlPlaneLeft());
      assertThat(got.appsDown()).as("apps down without %s", node.name()).isEqualTo(want.appsDown());
      assertThat(got.dataServicesDown()).as("data services down without %s", node.name()).isEqualTo(want.dataServicesDown());
      assertThat(new TreeSet<>(got.dataOnNode())).as("data on %s", node.name()).isEqualTo(new TreeSet<>(want.dataOnNode()));
    }
  }

  static void assertBackupsAgree(Lab lab) {
    Topology model = Topology.of(lab);
    RenderedTopology rendered = LabRender.of(lab).topology();
    for (DataService d : lab.dataServices()) {
      assertThat(rendered.isBackedUp(d.name())).as("backup of %s", d.name()).isEqualTo(model.isBackedUp(d.name()));
    }
    for (App app : lab.apps()) {
      assertThat(rendered.appDataBackedUp(app.name())).as("backup of %s's data", app.name())
          .isEqualTo(model.appDataBackedUp(app.name()));
    }
  }

  /** The rendered answer restricted to the lab's apps (it also names data services' and platform UIs). */
  private static SortedSet<String> apps(Lab lab, SortedSet<String> names) {
    SortedSet<String> out = new TreeSet<>(names);
    out.retainAll(lab.apps().stream().map(App::name).toList());
    return out;
  }
}
