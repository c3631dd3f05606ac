package dev.homelab.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.backend.Renderer;
import dev.homelab.k8s.KubernetesBackend;
import dev.homelab.ansible.AnsibleBackend;
import dev.homelab.terraform.TerraformBackend;
import dev.homelab.github.GitHubActionsBackend;
import dev.homelab.model.Lab;
import dev.homelab.model.host.Arch;
import dev.homelab.model.host.Node;
import dev.homelab.model.network.Exposure;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The generators keep their promises: valid labs, within the knobs, and valid variations. */
class LabArbitraryProperties {
  private static final Renderer ALL =
      Renderer.using(new KubernetesBackend(), new AnsibleBackend(), new TerraformBackend(), new GitHubActionsBackend());

  @Property(tries = 300)
  void should_generate_labs_without_any_problem(@ForAll("labs") Lab lab) {
    assertThat(ALL.problems(lab)).isEmpty();
  }

  @Property(tries = 100)
  void should_keep_the_node_count_arch_mix_and_ha_knobs(@ForAll("smallHaArm") Lab lab) {
    assertThat(lab.nodes()).hasSizeBetween(3, 5);
    assertThat(lab.servers().size()).isIn(3, 5);
    assertThat(lab.nodes()).extracting(Node::arch).containsOnly(Arch.ARM64);
    assertThat(ALL.problems(lab)).isEmpty();
  }

  @Property(tries = 100)
  void should_generate_one_node_labs(@ForAll("oneNode") Lab lab) {
    assertThat(lab.nodes()).hasSize(1);
    assertThat(ALL.problems(lab)).isEmpty();
  }

  @Property(tries = 50)
  void should_make_every_app_public_with_a_public_share_of_one(@ForAll("allPublic") Lab lab) {
    assertThat(lab.apps()).isNotEmpty().allMatch(a -> a.exposure() == Exposure.PUBLIC);
  }

  @Property(tries = 100)
  void should_vary_a_valid_lab_into_valid_labs(@ForAll("variations") Lab lab) {
    assertThat(ALL.problems(lab)).isEmpty();
  }

  @Example
  void should_refuse_knobs_no_lab_fits() {
    assertThatThrownBy(() -> Labs.arbitrary().nodes(1, 2).ha(true))
        .hasMessage("no lab has between 1 and 2 nodes with 3 or 5 servers (HA). Widen nodes(min, max) or change ha(...)");
  }

  @Property(tries = 10)
  void should_generate_labs_with_more_nodes_than_fit_below_the_pihole_address(@ForAll("big") Lab lab) {
    assertThat(lab.nodes()).hasSizeBetween(43, 60);
    assertThat(ALL.problems(lab)).isEmpty();
  }

  @Property(tries = 2)
  void should_generate_labs_with_the_most_nodes_the_lan_fits(@ForAll("largest") Lab lab) {
    assertThat(lab.nodes()).hasSize(232);
    assertThat(ALL.problems(lab)).isEmpty();
  }

  @Example
  void should_number_nodes_around_the_addresses_the_lab_reserves() {
    assertThat(Stream.of(0, 41, 42, 227, 228, 231).map(LabShape::nodeHost)).containsExactly(11, 52, 54, 239, 251, 254);
  }

  @Example
  void should_refuse_more_nodes_than_the_lan_fits() {
    assertThatThrownBy(() -> Labs.arbitrary().nodes(1, 233))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nodes(1, 233): a generated lab has at most 232 nodes, the addresses of its /24 LAN beside the ones it reserves");
  }

  @Provide
  Arbitrary<Lab> big() {
    return Labs.arbitrary().nodes(43, 60);
  }

  @Provide
  Arbitrary<Lab> largest() {
    return Labs.arbitrary().nodes(232, 232);
  }

  @Provide
  Arbitrary<Lab> labs() {
    return Labs.arbitrary();
  }

  @Provide
  Arbitrary<Lab> smallHaArm() {
    return Labs.arbitrary().nodes(3, 5).ha(true).archMix(Arch.ARM64);
  }

  @Provide
  Arbitrary<Lab> oneNode() {
    return Labs.arbitrary().nodes(1, 1);
  }

  @Provide
  Arbitrary<Lab> allPublic() {
    return Labs.arbitrary().apps(1, 4).publicShare(1);
  }

  @Provide
  Arbitrary<Lab> variations() {
    return Labs.arbitrary().nodes(2, 6).flatMap(Labs::variationsOf);
  }
}
