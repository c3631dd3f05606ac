package dev.homelab.testing;

import static dev.homelab.Homelab.app;
import static dev.homelab.Homelab.hardware;
import static dev.homelab.Homelab.k3s;
import static dev.homelab.Homelab.monitoring;
import static dev.homelab.Homelab.node;
import static dev.homelab.Homelab.nodesLabelled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.ansible.AnsibleBackend;
import dev.homelab.backend.Renderer;
import dev.homelab.fixtures.TestLabs;
import dev.homelab.github.GitHubActionsBackend;
import dev.homelab.k8s.KubernetesBackend;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.host.Arch;
import dev.homelab.model.host.Node;
import dev.homelab.terraform.TerraformBackend;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Labs#variationsOf(Lab)} on hand-written labs: only nodes nothing needs go, and each change stays valid. */
class LabVariationsProperties {
  private static final Renderer ALL =
      Renderer.using(new KubernetesBackend(), new AnsibleBackend(), new TerraformBackend(), new GitHubActionsBackend());

  @Example
  void should_keep_the_only_node_of_a_class_an_app_runs_on() {
    Lab lab = withAgents(compute("nuc", Arch.AMD64, 21), spare()).apps(onCompute("worker"));

    assertThat(ALL.problems(lab)).isEmpty();
    assertThat(LabVariations.removableNodes(lab)).extracting(Node::name).containsExactly("spare");
  }

  @Example
  void should_remove_a_node_of_a_class_another_node_still_has() {
    Lab lab = withAgents(compute("nuc", Arch.AMD64, 21), compute("nuc2", Arch.AMD64, 22), spare()).apps(onCompute("worker"));

    assertThat(ALL.problems(lab)).isEmpty();
    assertThat(LabVariations.removableNodes(lab)).extracting(Node::name).containsExactly("nuc", "nuc2", "spare");
  }

  @Example
  void should_keep_the_only_node_of_a_class_with_an_arch_the_app_runs_on() {
    Lab lab = withAgents(compute("nuc", Arch.AMD64, 21), compute("pi4", Arch.ARM64, 23), spare())
        .apps(onCompute("worker").arches(Arch.ARM64));

    assertThat(ALL.problems(lab)).isEmpty();
    assertThat(LabVariations.removableNodes(lab)).extracting(Node::name).containsExactly("nuc", "spare");
  }

  @Example
  void should_keep_the_only_node_of_a_class_an_app_still_fits_on() {
    // Both compute nodes declare their hardware; the worker's pod fits on the NUC's room only.
    Lab lab = withAgents(compute("nuc", Arch.AMD64, 21).hardware(hardware("Intel NUC", 8, "32Gi")),
        compute("pi4", Arch.ARM64, 23).hardware(hardware("Raspberry Pi 4 4GB", 4, "4Gi")), spare())
        .apps(onCompute("worker").resources("1", "8Gi", "8Gi"));

    assertThat(ALL.problems(lab)).isEmpty();
    assertThat(LabVariations.removableNodes(lab)).extracting(Node::name).containsExactly("pi4", "spare");
  }

  @Example
  void should_keep_the_only_node_of_the_class_monitoring_runs_on() {
    Lab lab = withAgents(compute("nuc", Arch.AMD64, 21), spare())
        .monitoring(monitoring().runsOn(nodesLabelled("homelab.dev/class", "compute")));

    assertThat(ALL.problems(lab)).isEmpty();
    assertThat(LabVariations.removableNodes(lab)).extracting(Node::name).containsExactly("spare");
  }

  @Example
  void should_keep_the_node_an_app_is_pinned_to() {
    Lab lab = withAgents(compute("nuc", Arch.AMD64, 21), spare())
        .apps(app("worker", "ghcr.io/example/worker:1.0.0").healthPath("/healthz").runsOn(node("spare")));

    assertThat(ALL.problems(lab)).isEmpty();
    assertThat(LabVariations.removableNodes(lab)).extracting(Node::name).containsExactly("nuc");
  }

  @Example
  void should_give_a_new_node_an_address_other_than_the_api_vip() {
    Lab lab = vipInTheMiddle();

    assertThat(ALL.problems(lab)).isEmpty();
    assertThat(LabVariations.freeIps(lab)).containsExactly("192.168.1.128");
  }

  @Example
  void should_give_a_new_node_the_middle_of_the_lan_when_nothing_holds_it() {
    Lab lab = TestLabs.minimal();

    assertThat(LabVariations.freeIps(lab)).containsExactly("192.168.1.127");
  }

  @Property(tries = 30)
  void should_vary_a_lab_with_an_api_vip_into_valid_labs(@ForAll("vip") Lab changed) {
    assertThat(ALL.problems(changed)).isEmpty();
  }

  @Property(tries = 30)
  void should_vary_a_lab_with_node_classes_into_valid_labs(@ForAll("classes") Lab changed) {
    assertThat(ALL.problems(changed)).isEmpty();
  }

  @Provide
  Arbitrary<Lab> classes() {
    return Labs.variationsOf(withAgents(compute("nuc", Arch.AMD64, 21), compute("pi4", Arch.ARM64, 23), spare())
        .apps(onCompute("worker").arches(Arch.ARM64), onCompute("batch"))
        .monitoring(monitoring().runsOn(nodesLabelled("homelab.dev/class", "compute"))));
  }

  @Provide
  Arbitrary<Lab> vip() {
    return Labs.variationsOf(vipInTheMiddle());
  }

  /** Three HA servers on 192.168.1.0/24 whose API VIP is the LAN's middle address, where a new node would go. */
  private static Lab vipInTheMiddle() {
    return TestLabs.home("vip").nodes(TestLabs.servers()).cluster(k3s("v1.33.4+k3s1").ha().apiVip("192.168.1.127"));
  }

  /** {@link TestLabs#minimal()} (server pi1 on .11) with these agents. */
  private static Lab withAgents(Node... agents) {
    return TestLabs.minimal().nodes(agents);
  }

  private static Node compute(String name, Arch arch, int host) {
    Node n = node(name).worker().ip("192.168.1." + host).label("homelab.dev/class", "compute");
    return arch == Arch.ARM64 ? n.arm64() : n.amd64();
  }

  private static Node spare() {
    return node("spare").amd64().worker().ip("192.168.1.40");
  }

  private static App onCompute(String name) {
    return app(name, "ghcr.io/example/" + name + ":1.0.0").healthPath("/healthz")
        .runsOn(nodesLabelled("homelab.dev/class", "compute"));
  }
}
