package dev.homelab.testing;

import dev.homelab.model.Lab;
import dev.homelab.model.host.Arch;
import java.util.EnumSet;
import java.util.Optional;
import net.jqwik.api.Arbitrary;

/**
 * Entry point of the jqwik generators: whole generated labs ({@link #arbitrary()}) and changes of a
 * lab of your own ({@link #variationsOf(Lab)}).
 *
 * <pre>{@code
 * @Property(tries = 100) // jqwik's default, 1000, takes about a minute when each lab is rendered
 * void no_internal_app_is_reachable_from_the_internet(@ForAll("labs") Lab lab) {
 *   Topology topology = Topology.of(lab);
 *   assertThat(topology.reachableFromInternet()).noneMatch(topology.internalApps()::contains);
 * }
 *
 * @Provide
 * Arbitrary<Lab> labs() {
 *   return Labs.arbitrary().nodes(1, 7).publicShare(0.3);
 * }
 * }</pre>
 */
public final class Labs {
  private Labs() {}

  /**
   * Valid generated labs: 1 to 7 nodes of both arches, HA or not, 0 to 6 apps of which about 30 %
   * public; narrow them with the knobs of {@link LabArbitrary}.
   *
   * @return the default arbitrary
   */
  public static LabArbitrary arbitrary() {
    return new LabArbitrary(1, 7, EnumSet.allOf(Arch.class), Optional.empty(), 0.3, 0, 6);
  }

  /**
   * Your lab with one change: a node added, a node nothing depends on removed, or one to three
   * cluster-internal apps added. Each variation is as valid as {@code lab}; properties over them
   * check that what you state about your lab survives its next change.
   *
   * @param lab a valid lab
   * @return variations of {@code lab}, shrinking towards the smallest change
   */
  public static Arbitrary<Lab> variationsOf(Lab lab) {
    return LabVariations.of(lab);
  }

  /**
   * {@code lab} with its apps, data services, static volumes and restic backups declared in another
   * order: lists whose order carries no meaning, so a backend's output must not depend on it. Nodes,
   * NFS classes and S3 targets keep their order (the first server initialises etcd, the first class
   * and target are defaults, and the backends list hosts as declared).
   *
   * @param lab any lab
   * @param seed which order
   * @return the same parts in an order picked by {@code seed}
   */
  public static Lab reordered(Lab lab, long seed) {
    return LabParts.of(lab).shuffled(new java.util.Random(seed)).build();
  }
}
