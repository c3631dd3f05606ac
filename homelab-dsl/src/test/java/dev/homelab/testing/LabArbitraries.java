package dev.homelab.testing;

import dev.homelab.model.app.Probe;
import dev.homelab.model.host.Arch;
import dev.homelab.model.network.Exposure;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of valid labs (as {@link LabSpec}s, so properties can break one knob). */
public final class LabArbitraries {
  private LabArbitraries() {}

  /** Specs whose {@link LabSpec#build()} validates with zero problems. */
  public static Arbitrary<LabSpec> validSpecs() {
    Arbitrary<Arch> arch = Arbitraries.of(Arch.class);
    Arbitrary<List<Arch>> servers = Arbitraries.of(1, 3, 5).flatMap(n -> arch.list().ofSize(n));
    Arbitrary<List<Arch>> agents = arch.list().ofMaxSize(3);
    Arbitrary<List<LabSpec.AppSpec>> apps = app().list().ofMinSize(1).ofMaxSize(5);
    return Combinators.combine(
            Arbitraries.integers().between(0, 254),
            Arbitraries.of("example.com", "home.example.org", "lab.example.net"),
            servers, agents, arch, apps,
            Arbitraries.of(true, false),
            Arbitraries.of(true, false))
        .as((octet, domain, s, a, nas, appSpecs, localStorageDisabled, appsec) -> {
          LabSpec spec = new LabSpec();
          spec.octet = octet;
          spec.domain = domain;
          spec.serverArches = new ArrayList<>(s);
          spec.agentArches = new ArrayList<>(a);
          spec.nasArch = nas;
          spec.localStorageDisabled = localStorageDisabled;
          spec.appsec = appsec;
          for (int i = 0; i < appSpecs.size(); i++) {
            appSpecs.get(i).name = "app-" + i;
          }
          spec.apps = new ArrayList<>(appSpecs);
          return spec;
        });
  }

  private static Arbitrary<LabSpec.AppSpec> app() {
    return Combinators.combine(
            Arbitraries.of(Exposure.class),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(-1, 9),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.of(Probe.Kind.class))
        .as((exposure, metrics, volume, explicitClass, archOfNode, pinned, extraPorts, probe) -> {
          LabSpec.AppSpec a = new LabSpec.AppSpec();
          a.exposure = exposure;
          a.metrics = metrics;
          a.volume = volume;
          a.explicitClass = explicitClass;
          a.archOfNode = archOfNode;
          a.pinned = pinned;
          a.extraPorts = extraPorts;
          a.probe = probe;
          return a;
        });
  }
}
