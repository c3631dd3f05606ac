package dev.homelab.backend;

import dev.homelab.internal.RenderScope;
import dev.homelab.model.Lab;
import dev.homelab.validation.Problem;
import dev.homelab.validation.ValidationException;
import dev.homelab.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Validates a model, renders it with the registered backends, and writes the result under an
 * output directory ({@code out/<backend>/...}). It validates with {@link Validator#standard()}
 * unless given another validator, e.g. one with a user's own rules:
 *
 * <pre>{@code
 * Renderer.using(new KubernetesBackend(), new AnsibleBackend())
 *     .validatedBy(Validator.standard().with(myRule))
 *     .write(lab, Path.of("out"));
 * }</pre>
 */
public final class Renderer {
  /** Backend names become folders under the output directory. */
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final List<Backend> backends;
  private final Validator validator;

  private Renderer(List<Backend> backends, Validator validator) {
    Set<String> names = new HashSet<>();
    for (Backend b : backends) {
      String name = b.name();
      if (name == null || !NAME.matcher(name).matches()) {
        // The name is a folder under the output directory: "", ".." or "a/b" would write elsewhere.
        throw new IllegalArgumentException("backend " + b.getClass().getName() + " is called '" + name
            + "', which is not a folder name like k8s. Return a name matching " + NAME.pattern() + " from name()");
      }
      if (!names.add(b.name())) {
        throw new IllegalArgumentException("two backends are called " + b.name());
      }
    }
    this.backends = List.copyOf(backends);
    this.validator = java.util.Objects.requireNonNull(validator, "validator");
  }

  /** A renderer with exactly these backends, in this order. */
  public static Renderer using(Backend... backends) {
    return new Renderer(List.of(backends), Validator.standard());
  }

  /** A renderer with these backends. */
  public static Renderer using(List<Backend> backends) {
    return new Renderer(new ArrayList<>(backends), Validator.standard());
  }

  /**
   * This renderer validating with {@code validator} instead of {@link Validator#standard()}, e.g.
   * {@code Validator.standard().with(myRule)}; {@link #problems}, {@link #check}, {@link #render} and
   * {@link #write} all use it.
   */
  public Renderer validatedBy(Validator validator) {
    return new Renderer(backends, validator);
  }

  /** The backends this renderer runs, in order. */
  public List<Backend> backends() {
    return backends;
  }

  /** The validator {@link #problems} runs before the backends' own checks. */
  public Validator validator() {
    return validator;
  }

  /**
   * Every problem of {@code lab}: the {@link #validator()}'s, then each backend's
   * {@link Backend#check}, in backend order. Empty when every backend can render the model.
   */
  public List<Problem> problems(Lab lab) {
    // one scope: the validator and a backend's check that asks standard rules again run each rule once
    return RenderScope.of(lab, () -> problemsInScope(lab));
  }

  private List<Problem> problemsInScope(Lab lab) {
    return LabChecks.start(lab, validator, backends).all();
  }

  /**
   * Every warning of {@code lab}: the {@link #validator()}'s, then those of each backend's
   * {@link Backend#check}. A warning never stops a render; the command line prints them.
   */
  public List<Problem> warnings(Lab lab) {
    return RenderScope.of(lab, () -> warningsInScope(lab));
  }

  private List<Problem> warningsInScope(Lab lab) {
    List<Problem> found = new ArrayList<>(validator.warnings(lab));
    if (!validator.problems(lab).isEmpty()) {
      return found;
    }
    for (Backend backend : backends) {
      backend.check(lab).stream().filter(Problem::isWarning).filter(p -> !found.contains(p)).forEach(found::add);
    }
    return found;
  }

  /** Throws one {@link ValidationException} listing every {@link #problems problem}, if there is any. */
  public void check(Lab lab) {
    throwIfAny(problems(lab));
  }

  /**
   * Checks {@code lab} (throwing {@link ValidationException} with every problem, the backends'
   * included) and renders it in memory, keyed by backend name. Nothing touches the disk.
   */
  public Map<String, RenderedFiles> render(Lab lab) {
    // a backend's render may check the model again (Ansible's safety net): the scope runs each rule once
    return RenderScope.of(lab, () -> renderInScope(lab));
  }

  private Map<String, RenderedFiles> renderInScope(Lab lab) {
    return checkAndRender(lab, backends.stream().map(Backend::name).toList());
  }

  /**
   * Checks {@code lab} and renders the backends called {@code only}, in order. While checks that
   * run on any thread are still running, the other backends render beside them (a backend renders
   * only once its own check passed); what they rendered is thrown away if a check then finds a
   * problem, so the result is what checking everything first gives.
   */
  private Map<String, RenderedFiles> checkAndRender(Lab lab, Collection<String> only) {
    LabChecks checks = LabChecks.start(lab, validator, backends);
    Map<String, RenderedFiles> rendered = new LinkedHashMap<>();
    if (!checks.foundAlready()) {
      try {
        for (int i = 0; i < backends.size() && checks.passed(i); i++) {
          Backend backend = backends.get(i);
          if (only.contains(backend.name())) {
            rendered.put(backend.name(), backend.render(lab));
          }
        }
      } catch (RuntimeException | Error e) {
        throwIfAny(checks.all()); // a problem still being checked for explains the failure
        throw e;
      }
    }
    throwIfAny(checks.all());
    return rendered;
  }

  private static void throwIfAny(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /**
   * Renders everything first, then writes it under {@code outputDir}, all or nothing (see
   * {@link OutputWriter}); an invalid model, or a rendered file that would overwrite a file the user
   * changed ({@link ChangedFilesException}), writes nothing. Returns the paths written, relative to {@code outputDir}.
   */
  public List<String> write(Lab lab, Path outputDir) throws IOException {
    return write(lab, outputDir, backends.stream().map(Backend::name).toList());
  }

  /**
   * Like {@link #write(Lab, Path)}, but renders only the backends called {@code only} and keeps the
   * other backends' files as an earlier render left them. The top-level bring-up guide
   * ({@link BringUpGuide}) always covers every backend of this renderer, so it stays whole.
   */
  public List<String> write(Lab lab, Path outputDir, Collection<String> only) throws IOException {
    return write(lab, outputDir, only, false);
  }

  /**
   * Like {@link #write(Lab, Path, Collection)}; with {@code force}, rendered files overwrite files the
   * user changed since the last render and files the renderer did not write, which otherwise stop
   * the write with {@link ChangedFilesException} before anything changes (see {@link OutputWriter}).
   */
  public List<String> write(Lab lab, Path outputDir, Collection<String> only, boolean force) throws IOException {
    return apply(lab, outputDir, only, force).rendered();
  }

  /**
   * Like {@link #write(Lab, Path, Collection, boolean)}, and returns what the write did, file by
   * file ({@link RenderPlan}): what {@code render} reports per backend.
   */
  public RenderPlan apply(Lab lab, Path outputDir, Collection<String> only, boolean force) throws IOException {
    Output output = output(lab, only);
    return new OutputWriter(outputDir, force).apply(output.rendered(), output.topLevel());
  }

  /**
   * What {@link #write(Lab, Path, Collection, boolean)} would do to {@code outputDir}, file by file,
   * changing nothing: what {@code diff} prints. Throws {@link ValidationException} for an invalid model.
   */
  public RenderPlan plan(Lab lab, Path outputDir, Collection<String> only) throws IOException {
    Output output = output(lab, only);
    return new OutputWriter(outputDir).plan(output.rendered(), output.topLevel());
  }

  private record Output(Map<String, RenderedFiles> rendered, SortedMap<String, byte[]> topLevel) {}

  private Output output(Lab lab, Collection<String> only) {
    return RenderScope.of(lab, () -> outputInScope(lab, only));
  }

  private Output outputInScope(Lab lab, Collection<String> only) {
    for (String name : only) {
      if (backends.stream().noneMatch(b -> b.name().equals(name))) {
        throw new IllegalArgumentException("no backend is called " + name);
      }
    }
    Map<String, RenderedFiles> rendered = checkAndRender(lab, only);
    SortedMap<String, byte[]> topLevel = new TreeMap<>();
    topLevel.put(BringUpGuide.FILE, BringUpGuide.render(lab, backends).getBytes(StandardCharsets.UTF_8));
    return new Output(rendered, topLevel);
  }
}
