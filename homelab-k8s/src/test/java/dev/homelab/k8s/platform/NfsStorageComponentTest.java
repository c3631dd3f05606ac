package dev.homelab.k8s.platform;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import org.junit.jupiter.api.Test;

class NfsStorageComponentTest {

  @Test
  void should_provision_sub_directories_of_the_exported_disk() {
    JsonNode sc = TestLabs.object(TestLabs.renderPlatform(TestLabs.reference()), "storage/storageclass-nfs-data.yaml");

    assertThat(sc.path("provisioner").asText()).isEqualTo("nfs.csi.k8s.io");
    assertThat(sc.at("/parameters/server").asText()).isEqualTo("192.168.1.14");
    assertThat(sc.at("/parameters/share").asText()).isEqualTo("/srv/data");
    assertThat(sc.at("/parameters/subDir").asText()).isEqualTo("k8s/${pvc.metadata.namespace}-${pvc.metadata.name}");
    assertThat(sc.path("mountOptions").toString()).isEqualTo("[\"nfsvers=4.1\"]");
    assertThat(sc.path("reclaimPolicy").asText()).isEqualTo("Retain");
    // k3s' local-path stays the cluster default; every claim we render names its class
    assertThat(sc.at("/metadata/annotations/storageclass.kubernetes.io~1is-default-class").isMissingNode()).isTrue();
  }

  @Test
  void should_mark_the_class_default_when_asked() {
    Lab lab = TestLabs.reference().cluster(k3s("v1.33.4+k3s1").ha().disable(dev.homelab.model.cluster.BuiltIn.LOCAL_STORAGE))
        .monitoring(monitoring().storage("20Gi", nfsStorageClass("fast", node("nas"), "data")))
        .storage(nfsStorageClass("fast", node("pi4"), "data").asDefault().subPath("fast"));
    JsonNode sc = TestLabs.object(TestLabs.renderPlatform(lab), "storage/storageclass-fast.yaml");

    assertThat(sc.at("/metadata/annotations/storageclass.kubernetes.io~1is-default-class").asText()).isEqualTo("true");
  }

  @Test
  void should_delete_on_release_and_not_be_default_when_asked() {
    Lab lab = TestLabs.reference().storage(nfsStorageClass("scratch", node("pi4"), "data").deleteOnRelease().subPath("tmp"));

    JsonNode sc = TestLabs.object(TestLabs.renderPlatform(lab), "storage/storageclass-scratch.yaml");

    assertThat(sc.path("reclaimPolicy").asText()).isEqualTo("Delete");
    assertThat(sc.at("/metadata/annotations").isMissingNode()).isTrue();
    assertThat(sc.at("/parameters/subDir").asText()).startsWith("tmp/");
  }

  @Test
  void should_render_a_static_volume_named_like_the_model_that_only_a_named_claim_binds() {
    JsonNode pv = TestLabs.object(TestLabs.renderPlatform(TestLabs.reference()), "storage/persistentvolume-media.yaml");

    assertThat(pv.at("/metadata/name").asText()).isEqualTo("media");
    assertThat(pv.at("/spec/storageClassName").isTextual()).isTrue();
    assertThat(pv.at("/spec/storageClassName").asText()).isEmpty();
    assertThat(pv.at("/spec/accessModes").toString()).isEqualTo("[\"ReadWriteMany\"]");
    assertThat(pv.at("/spec/capacity/storage").asText()).isEqualTo("4Ti");
    assertThat(pv.at("/spec/csi/volumeHandle").asText()).isEqualTo("192.168.1.14#/srv/media#");
    assertThat(pv.at("/spec/csi/readOnly").asBoolean()).isTrue();
  }

  @Test
  void should_install_the_driver_in_kube_system() {
    RenderedFiles files = TestLabs.renderPlatform(TestLabs.reference());
    JsonNode chart = TestLabs.object(files, "storage/helmchart-csi-driver-nfs.yaml");

    assertThat(chart.at("/spec/version").asText()).isEqualTo("4.13.4");
    assertThat(chart.at("/spec/targetNamespace").asText()).isEqualTo("kube-system");
  }

  @Test
  void should_leave_the_snapshot_sidecar_off_since_nothing_serves_volume_snapshots() {
    JsonNode chart = TestLabs.object(TestLabs.renderPlatform(TestLabs.reference()), "storage/helmchart-csi-driver-nfs.yaml");

    assertThat(chart.at("/spec/valuesContent").asText()).isEqualTo("controller:\n  enableSnapshotter: false\n");
  }

  @Test
  void should_render_nothing_without_nfs_storage() {
    assertThat(new NfsStorageComponent().objects(TestLabs.bare())).isEmpty();
  }
}
