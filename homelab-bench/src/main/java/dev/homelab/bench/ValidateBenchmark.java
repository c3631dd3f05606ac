package dev.homelab.bench;

import dev.homelab.backend.Renderer;
import dev.homelab.cli.StandardBackends;
import dev.homelab.model.Lab;
import dev.homelab.validation.Problem;
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

/** What {@code validate} runs: the standard rules and every standard backend's own check. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ValidateBenchmark {
  @Param({"reference", "10", "100", "1000"})
  public String lab;

  private Lab model;
  private Renderer renderer;

  @Setup
  public void setUp() {
    model = Labs.build(lab);
    renderer = Renderer.using(StandardBackends.all());
  }

  @Benchmark
  public List<Problem> validate() {
    return renderer.problems(model);
  }
}
