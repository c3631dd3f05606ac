package dev.homelab.testing;

import dev.homelab.model.Lab;
import dev.homelab.model.app.Probe;
import dev.homelab.model.host.Arch;
import dev.homelab.model.network.Exposure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Generated labs that are valid by construction, with knobs; get one from {@link Labs#arbitrary()}.
 * Each knob returns a new arbitrary (this one is unchanged), so a configured arbitrary can be shared
 * between properties:
 *
 * <pre>{@code
 * @Provide Arbitrary<Lab> smallHaLabs() {
 *   return Labs.arbitrary().nodes(3, 5).ha(true).archMix(Arch.ARM64).publicShare(0.3);
 * }
 * }</pre>
 *
 * <p>Every lab has k3s (HA with etcd snapshots to S3 when it has 3 or 5 servers), MetalLB, Traefik,
 * cert-manager, CrowdSec, WireGuard, monitoring, an NFS storage node with a host PostgreSQL,
 * PostgreSQL, Redis and Pi-hole in the cluster, GitHub runners and Cloudflare DNS, and apps
 * {@code app-0, app-1, ...} that vary in exposure, data services used, the app declared before it
 * used or not, volumes (backed up off-site or not), ports, probes and arch constraints. A failing
 * lab shrinks to fewer agents, fewer apps and simpler apps, each of them valid too.
 */
public final class LabArbitrary extends ArbitraryDecorator<Lab> {
  private final int minNodes;
  private final int maxNodes;
  private final Set<Arch> arches;
  private final Optional<Boolean> ha;
  private final double publicShare;
  private final int minApps;
  private final int maxApps;

  LabArbitrary(int minNodes, int maxNodes, Set<Arch> arches, Optional<Boolean> ha, double publicShare, int minApps, int maxApps) {
    this.minNodes = minNodes;
    this.maxNodes = maxNodes;
    this.arches = Set.copyOf(arches);
    this.ha = ha;
    this.publicShare = publicShare;
    this.minApps = minApps;
    this.maxApps = maxApps;
    if (allowedServers().isEmpty()) {
      throw new IllegalArgumentException("no lab has between " + minNodes + " and " + maxNodes + " nodes"
          + ha.map(h -> h ? " with 3 or 5 servers (HA)" : " with 1 server").orElse("")
          + ". Widen nodes(min, max) or change ha(...)");
    }
  }

  /**
   * Labs with {@code min} to {@code max} nodes in all (servers, agents and the storage node, which
   * is the first server in a one-node lab). Default: 1 to 7.
   *
   * @param min at least 1
   * @param max at least {@code min}, at most 232 (the node addresses of the lab's /24 beside the
   *     ones it reserves for Pi-hole, Traefik, CrowdSec and MetalLB)
   * @return a new arbitrary with this knob set
   */
  public LabArbitrary nodes(int min, int max) {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException("nodes(" + min + ", " + max + "): need 1 <= min <= max");
    }
    if (max > LabShape.MAX_NODES) {
      throw new IllegalArgumentException("nodes(" + min + ", " + max + "): a generated lab has at most " + LabShape.MAX_NODES
          + " nodes, the addresses of its /24 LAN beside the ones it reserves");
    }
    return new LabArbitrary(min, max, arches, ha, publicShare, minApps, maxApps);
  }

  /**
   * The CPU architectures nodes are drawn from (apps limited to one arch take a node's arch). Default:
   * both {@link Arch#ARM64} and {@link Arch#AMD64}.
   *
   * @param mix one or more architectures
   * @return a new arbitrary with this knob set
   */
  public LabArbitrary archMix(Arch... mix) {
    if (mix == null || mix.length == 0) {
      throw new IllegalArgumentException("archMix(...) needs at least one Arch, e.g. archMix(Arch.ARM64)");
    }
    return new LabArbitrary(minNodes, maxNodes, Set.of(mix), ha, publicShare, minApps, maxApps);
  }

  /**
   * {@code true}: only HA labs (3 or 5 servers, embedded etcd); {@code false}: only one-server labs.
   * Default: both.
   *
   * @param highlyAvailable whether every lab is HA
   * @return a new arbitrary with this knob set
   */
  public LabArbitrary ha(boolean highlyAvailable) {
    return new LabArbitrary(minNodes, maxNodes, arches, Optional.of(highlyAvailable), publicShare, minApps, maxApps);
  }

  /**
   * The expected share of apps exposed to the internet; the rest is split evenly between
   * LAN/VPN-only and cluster-only apps. Default: 0.3.
   *
   * @param share from 0 (no public app) to 1 (every app public)
   * @return a new arbitrary with this knob set
   */
  public LabArbitrary publicShare(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("publicShare(" + share + "): need a share from 0 to 1");
    }
    return new LabArbitrary(minNodes, maxNodes, arches, ha, share, minApps, maxApps);
  }

  /**
   * Labs with {@code min} to {@code max} apps. Default: 0 to 6.
   *
   * @param min at least 0
   * @param max at least {@code min}
   * @return a new arbitrary with this knob set
   */
  public LabArbitrary apps(int min, int max) {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("apps(" + min + ", " + max + "): need 0 <= min <= max");
    }
    return new LabArbitrary(minNodes, maxNodes, arches, ha, publicShare, min, max);
  }

  @Override
  protected Arbitrary<Lab> arbitrary() {
    return shapes().map(LabShape::build);
  }

  /** Server counts k3s supports (1, or an odd number for etcd quorum) that fit the knobs. */
  private List<Integer> allowedServers() {
    List<Integer> counts = new ArrayList<>();
    for (int servers : new int[] {1, 3, 5}) {
      boolean haOk = ha.map(h -> h == (servers >= 3)).orElse(true);
      if (haOk && servers <= maxNodes) {
        counts.add(servers);
      }
    }
    return counts;
  }

  Arbitrary<LabShape> shapes() {
    // Sorted so that jqwik's shrinking of Arbitraries.of (towards the first value) means fewer nodes.
    Arbitrary<Arch> arch = Arbitraries.of(new TreeSet<>(arches));
    return Arbitraries.of(allowedServers()).flatMap(servers -> {
      List<Boolean> separate = new ArrayList<>();
      // One node: it is the server and the storage node. Otherwise a separate NAS is usual.
      if (servers + 1 <= maxNodes) {
        separate.add(true);
      }
      if (servers >= minNodes || servers + 1 > maxNodes) {
        separate.add(false);
      }
      return Arbitraries.of(separate).flatMap(sep -> {
        int fixed = servers + (sep ? 1 : 0);
        int lo = Math.max(0, minNodes - fixed);
        int hi = Math.max(lo, maxNodes - fixed);
        // No edge cases: jqwik multiplies every part's edge cases, and those of the addresses,
        // arches, flags and apps came to more than any usual number of tries, so each property
        // logged "Edge case generation exceeds number of tries" and spent its first tries on corner
        // cases of cosmetics. The small labs come from shrinking, which is unchanged.
        return Combinators.combine(
                Arbitraries.integers().between(1, 254).withoutEdgeCases(),
                Arbitraries.of("example.com", "home.example.org", "lab.example.net").withoutEdgeCases(),
                arch.list().ofSize(servers).withoutEdgeCases(),
                arch.list().ofMinSize(lo).ofMaxSize(hi).withoutEdgeCases(),
                arch.withoutEdgeCases(),
                Arbitraries.of(false, true).withoutEdgeCases(),
                Arbitraries.of(false, true).withoutEdgeCases(),
                app(servers + (hi > 0 ? hi : 0) + 1).withoutEdgeCases().list().ofMinSize(minApps).ofMaxSize(maxApps))
            .as((octet, domain, s, a, storage, noLocalPath, appsec, apps) ->
                new LabShape(octet, domain, s, a, sep, storage, noLocalPath, appsec, apps));
      });
    });
  }

  private Arbitrary<LabShape.AppShape> app(int nodes) {
    int pub = (int) Math.round(publicShare * 100);
    int rest = 100 - pub;
    Arbitrary<Exposure> exposure = Arbitraries.frequency(
        Tuple.of(rest - rest / 2, Exposure.CLUSTER), Tuple.of(rest / 2, Exposure.INTERNAL), Tuple.of(pub, Exposure.PUBLIC));
    Arbitrary<Boolean> flag = Arbitraries.of(false, true);
    return Combinators.combine(
            exposure, flag, flag, flag, flag, flag,
            // -1, multi-arch, is the simpler app: shrink towards it.
            Arbitraries.integers().between(-1, nodes - 1).shrinkTowards(-1),
            Combinators.combine(flag, flag, Arbitraries.of(Probe.Kind.class), flag, flag).as(Tuple::of))
        .as((exp, postgres, redis, metrics, volume, explicitClass, archOfNode, more) ->
            new LabShape.AppShape(exp, postgres, redis, metrics, volume, explicitClass, archOfNode,
                more.get1(), more.get2(), more.get3(), more.get4(), more.get5()));
  }
}
