package dev.homelab.bench;

import dev.homelab.backend.Backend;
import dev.homelab.backend.BringUpGuide;
import dev.homelab.backend.Renderer;
import dev.homelab.cli.StandardBackends;
import dev.homelab.model.Lab;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rendering in memory. {@code backend=all} is what {@code render} does short of the disk: check,
 * render every backend, then the top-level bring-up guide (which asks every backend for its steps);
 * a single backend is just its {@code render}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RenderBenchmark {
  static final String ALL = "all";

  @Param({"reference", "10", "100", "1000"})
  public String lab;

  @Param({"k8s", "ansible", "terraform", "github", ALL})
  public String backend;

  private Lab model;
  private List<Backend> backends;
  private Renderer renderer;

  @Setup
  public void setUp() {
    model = Labs.build(lab);
    // fresh backends per trial: nothing carries over from another parameter set
    List<Backend> standard = StandardBackends.all();
    backends = ALL.equals(backend) ? standard
        : standard.stream().filter(b -> b.name().equals(backend)).toList();
    if (backends.isEmpty()) {
      throw new IllegalArgumentException("no backend is called " + backend);
    }
    renderer = Renderer.using(backends);
  }

  @Benchmark
  public void render(Blackhole out) {
    if (ALL.equals(backend)) {
      out.consume(renderer.render(model));
      out.consume(BringUpGuide.render(model, backends));
    } else {
      out.consume(backends.get(0).render(model));
    }
  }
}
