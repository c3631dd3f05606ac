package dev.homelab.testing;

import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.app.AppVolume;
import dev.homelab.model.app.Probe;
import dev.homelab.model.host.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.SampleReportingFormat;

/**
 * How jqwik shows a {@link Lab} in a property's report ("Original Sample", "Shrunk Sample"): its
 * one-line summary, then a line per node and per app with what a generated lab varies (address,
 * arch and role; exposure, port, probe, volumes, data services, arches and placement), so a failing
 * lab can be read, and written again with the DSL, without printing it from the property. jqwik
 * finds it by itself ({@code META-INF/services}, and {@code provides} in the module).
 *
 * @see <a href="https://jqwik.net/docs/current/user-guide.html#failure-reporting">jqwik: failure reporting</a>
 */
public final class LabSampleFormat implements SampleReportingFormat {
  /** For jqwik's service loader. */
  public LabSampleFormat() {}

  @Override
  public boolean appliesTo(Object value) {
    return value instanceof Lab;
  }

  @Override
  public Optional<String> label(Object value) {
    return Optional.of("Lab " + ((Lab) value).name() + " ");
  }

  @Override
  public Object report(Object value) {
    Lab lab = (Lab) value;
    Map<Object, Object> report = new LinkedHashMap<>(); // plain labels: jqwik would quote strings
    report.put(SampleReportingFormat.plainLabel("summary"), SampleReportingFormat.plainLabel(lab.toString()));
    List<Object> nodes = new ArrayList<>();
    lab.nodes().forEach(node -> nodes.add(SampleReportingFormat.plainLabel(node(node))));
    report.put(SampleReportingFormat.plainLabel("nodes"), nodes);
    List<Object> apps = new ArrayList<>();
    lab.apps().forEach(app -> apps.add(SampleReportingFormat.plainLabel(app(app))));
    report.put(SampleReportingFormat.plainLabel("apps"), apps);
    return report;
  }

  /** {@code pi1 192.168.1.11 arm64 server}, then its disks and labels when it has any. */
  static String node(Node node) {
    StringBuilder line = new StringBuilder(node.name());
    node.ip().ifPresent(ip -> line.append(' ').append(ip));
    line.append(' ').append(lower(node.arch())).append(node.isControlPlane() ? " server" : " agent");
    if (!node.disks().isEmpty()) {
      line.append(", ").append(node.disks().size()).append(node.disks().size() == 1 ? " disk" : " disks");
    }
    if (node.postgres().isPresent()) {
      line.append(", host PostgreSQL");
    }
    if (!node.labels().isEmpty()) {
      line.append(", labels ").append(node.labels());
    }
    return line.toString();
  }

  /** {@code app-0 ghcr.io/example/app-0:1.0.5 public :8080 probe http /, volumes [data 1Gi], ...}. */
  static String app(App app) {
    StringBuilder line = new StringBuilder(app.name()).append(' ').append(app.image())
        .append(' ').append(lower(app.exposure())).append(" :").append(app.port())
        .append(" probe ").append(probe(app.probe()));
    if (!app.volumes().isEmpty()) {
      List<String> volumes = new ArrayList<>();
      for (AppVolume volume : app.volumes()) {
        volumes.add(volume.name() + volume.size().map(s -> " " + s).orElse(""));
      }
      line.append(", volumes ").append(volumes);
    }
    if (!app.backups().isEmpty()) {
      line.append(", backed up to ").append(app.backups());
    }
    if (!app.uses().isEmpty()) {
      line.append(", uses ").append(app.uses());
    }
    if (!app.usesApps().isEmpty()) {
      line.append(", calls ").append(app.usesApps());
    }
    if (!app.arches().isEmpty()) {
      line.append(", arches ").append(app.arches().stream().map(LabSampleFormat::lower).sorted().toList());
    }
    app.runsOn().ifPresent(node -> line.append(", runs on ").append(node));
    app.runsOnNodes().ifPresent(nodes -> line.append(", runs on class ").append(nodes));
    app.metrics().ifPresent(path -> line.append(", metrics ").append(path));
    return line.toString();
  }

  private static String probe(Probe probe) {
    return lower(probe.kind()) + probe.path().map(p -> " " + p).orElse("")
        + (probe.command().isEmpty() ? "" : " " + String.join(" ", probe.command()));
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
