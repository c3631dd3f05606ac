package dev.homelab.testing;

import static dev.homelab.testing.HomelabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.ansible.AnsibleBackend;
import dev.homelab.github.GitHubActionsBackend;
import dev.homelab.k8s.KubernetesBackend;
import dev.homelab.model.Lab;
import dev.homelab.terraform.TerraformBackend;
import dev.homelab.model.host.Node;
import dev.homelab.model.network.Exposure;
import java.util.Arrays;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What every backend promises for every valid lab, checked over generated labs. */
class BackendProperties {

  @Provide
  Arbitrary<Lab> labs() {
    return Labs.arbitrary();
  }

  @Property(tries = 40)
  void should_render_every_generated_lab_through_every_backend(@ForAll("labs") Lab lab) {
    LabRender render = LabRender.of(lab);
    assertThat(render.byBackend().keySet()).containsExactly("k8s", "ansible", "terraform", "github");
    render.byBackend().values().forEach(files -> assertThat(files.files()).isNotEmpty());
  }

  @Property(tries = 25)
  void should_render_the_same_bytes_twice(@ForAll("labs") Lab lab) {
    assertSameBytes(LabRender.of(lab), LabRender.of(lab));
  }

  @Property(tries = 25)
  void should_render_the_same_bytes_for_any_declaration_order(@ForAll("labs") Lab lab, @ForAll long seed) {
    Lab reordered = Labs.reordered(lab, seed);
    assertSameBytes(LabRender.of(lab, new KubernetesBackend(), new AnsibleBackend(), new GitHubActionsBackend()),
        LabRender.of(reordered, new KubernetesBackend(), new AnsibleBackend(), new GitHubActionsBackend()));
  }

  /** Terraform's DNS records are sorted by host name, so reordering apps changes no byte (found by this property). */
  @Property(tries = 25)
  void should_render_the_same_terraform_bytes_for_any_declaration_order(@ForAll("labs") Lab lab, @ForAll long seed) {
    assertSameBytes(LabRender.of(lab, new TerraformBackend()), LabRender.of(Labs.reordered(lab, seed), new TerraformBackend()));
  }

  @Property(tries = 25)
  void should_render_kubernetes_objects_that_parse_back_with_fabric8(@ForAll("labs") Lab lab) {
    assertThat(LabRender.of(lab)).parsesWithFabric8();
  }

  @Property(tries = 40)
  void should_resolve_every_reference(@ForAll("labs") Lab lab) {
    assertThat(LabRender.of(lab)).hasNoUnresolvedReferences();
  }

  @Property(tries = 25)
  void should_put_no_secret_value_in_any_output(@ForAll("labs") Lab lab) {
    assertThat(LabRender.of(lab)).hasNoSecretValues();
  }

  @Property(tries = 40)
  void should_route_no_internal_app_through_the_public_entrypoint(@ForAll("labs") Lab lab) {
    LabRender render = LabRender.of(lab);
    assertThat(render.publicEntryPoints()).isNotEmpty();
    assertThat(render).routesOnlyPublicHostsPublicly();
  }

  @Property(tries = 40)
  void should_list_exactly_the_model_nodes_in_the_inventory(@ForAll("labs") Lab lab) {
    assertThat(LabRender.of(lab).inventoryHosts())
        .containsExactlyInAnyOrderElementsOf(lab.nodes().stream().map(Node::name).toList());
  }

  @Property(tries = 40)
  void should_create_a_dns_record_for_exactly_the_public_host_names(@ForAll("labs") Lab lab) {
    TreeSet<String> publicNames = new TreeSet<>();
    lab.routedHosts().forEach((host, exposure) -> {
      if (exposure == Exposure.PUBLIC) {
        publicNames.add(host);
      }
    });
    // The WireGuard endpoint is public too: peers dial it from the internet.
    lab.vpn().ifPresent(v -> publicNames.add(v.endpoint().orElse(lab.fqdn("vpn"))));
    assertThat(LabRender.of(lab).dnsRecordNames()).containsExactlyElementsOf(publicNames);
  }

  private static void assertSameBytes(LabRender a, LabRender b) {
    assertThat(b.byBackend().keySet()).containsExactlyElementsOf(a.byBackend().keySet());
    a.byBackend().forEach((backend, files) -> {
      assertThat(b.files(backend)).as(backend).containsExactlyElementsOf(files.files().keySet());
      files.files().forEach((path, bytes) -> {
        if (!Arrays.equals(bytes, b.byBackend().get(backend).files().get(path))) {
          throw new AssertionError(backend + "/" + path + " differs between the two renders:\n"
              + GoldenFiles.diff(bytes, b.byBackend().get(backend).files().get(path)));
        }
      });
    });
  }
}
