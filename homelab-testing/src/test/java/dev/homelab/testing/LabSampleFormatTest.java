package dev.homelab.testing;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.Lab;
import dev.homelab.model.host.Node;
import dev.homelab.model.network.Traefik;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import net.jqwik.api.Example;
import net.jqwik.api.SampleReportingFormat;

class LabSampleFormatTest {
  private static final Traefik TRAEFIK = traefik().publicIp("192.168.1.240").internalIp("192.168.1.241");

  @Example
  void should_report_a_lab_as_its_summary_then_a_line_per_node_and_per_app() {
    Node nuc = node("nuc").amd64().worker().ip("192.168.1.20");
    Lab lab = homelab("demo")
        .domain("example.com")
        .lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"), nuc)
        .cluster(k3s("v1.33.4+k3s1"))
        .loadBalancer(pool("lan", "192.168.1.240-192.168.1.250"))
        .ingress(TRAEFIK)
        .apps(app("whoami", "docker.io/traefik/whoami:v1.11.0").port(80).host("whoami").publicVia(TRAEFIK)
            .runsOn(nuc));

    SampleReportingFormat format = new LabSampleFormat();

    assertThat(format.appliesTo(lab)).isTrue();
    assertThat(format.appliesTo("a lab")).isFalse();
    assertThat(format.label(lab)).hasValue("Lab demo ");
    Map<String, Object> report = new LinkedHashMap<>();
    ((Map<?, ?>) format.report(lab)).forEach((key, value) -> report.put(key.toString(), value));
    assertThat(report).containsOnlyKeys("summary", "nodes", "apps");
    assertThat(report.get("summary")).hasToString(lab.toString());
    assertThat((List<?>) report.get("nodes")).map(Object::toString)
        .containsExactly("pi1 192.168.1.11 arm64 server", "nuc 192.168.1.20 amd64 agent");
    assertThat((List<?>) report.get("apps")).map(Object::toString)
        .containsExactly("whoami docker.io/traefik/whoami:v1.11.0 public :80 probe http /, runs on nuc");
  }

  @Example
  void should_be_found_by_jqwik_through_the_service_loader() {
    assertThat(ServiceLoader.load(SampleReportingFormat.class).stream().map(p -> p.type().getName()))
        .contains(LabSampleFormat.class.getName());
  }
}
