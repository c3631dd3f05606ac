package dev.homelab.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.Backend;
import dev.homelab.backend.BringUpStep;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.internal.SideTask;
import dev.homelab.k8s.crd.helm.HelmChart;
import dev.homelab.k8s.secrets.SecretScanner;
import dev.homelab.k8s.secrets.SecretsChecklist;
import dev.homelab.k8s.yaml.KubernetesYaml;
import dev.homelab.model.Lab;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renders the model to Kubernetes objects: one folder per component (platform components, data
 * services, apps), one file per object, a {@code kustomization.yaml} in every folder and one at the
 * root, so {@code kubectl apply -k k8s/} (or Flux) applies everything.
 *
 * <p>Extend it without forking: {@link #with(Component)} adds a component of your own, and
 * {@link #customize(ObjectCustomizer)} patches, replaces or drops any rendered object.
 */
public final class KubernetesBackend implements Backend {
  private final List<Component> components;
  private final List<ObjectCustomizer> customizers;
  /** The last render's objects, for the bring-up steps of the same lab (see {@link #takeRendered}). */
  private final AtomicReference<Collected> lastRendered = new AtomicReference<>();

  /** The standard components. */
  public KubernetesBackend() {
    this(StandardComponents.all(), List.of());
  }

  private KubernetesBackend(List<Component> components, List<ObjectCustomizer> customizers) {
    this.components = List.copyOf(components);
    this.customizers = List.copyOf(customizers);
  }

  /** A backend that also renders {@code component}. */
  public KubernetesBackend with(Component component) {
    List<Component> all = new ArrayList<>(components);
    all.add(component);
    return new KubernetesBackend(all, customizers);
  }

  /** A backend that passes every rendered object through {@code customizer} before writing it. */
  public KubernetesBackend customize(ObjectCustomizer customizer) {
    List<ObjectCustomizer> all = new ArrayList<>(customizers);
    all.add(customizer);
    return new KubernetesBackend(components, all);
  }

  @Override
  public String name() {
    return "k8s";
  }

  /**
   * Every component's folder, then the root {@code kustomization.yaml}, a {@code README.md} saying
   * how to apply it, the script it runs between two applies ({@value ApplyGuide#WAIT_SCRIPT}) and, when objects reference Secrets nobody writes, {@code SECRETS.md}; with a
   * ClusterSecretStore those Secrets also become ExternalSecrets in the folder of their first user.
   */
  @Override
  public RenderedFiles render(Lab lab) {
    Collected all = collect(lab);
    lastRendered.set(all.forBringUp());
    Map<String, List<Written>> objects = all.objects();
    Map<String, Map<String, String>> extras = all.extras();
    SecretsChecklist secrets = all.secrets();

    RenderedFiles.Builder out = RenderedFiles.builder();
    TreeSet<String> folders = new TreeSet<>();
    TreeSet<String> customKinds = new TreeSet<>();
    TreeSet<ApplyGuide.Webhook> webhooks = new TreeSet<>();
    objects.forEach((folder, list) -> {
      Map<String, String> files = new TreeMap<>();
      for (Written w : list) {
        files.put(w.fileName(), w.text());
        w.crd().ifPresent(customKinds::add);
        w.webhook().ifPresent(webhooks::add);
      }
      list.clear(); // each file's text is now in `files`: a large lab never holds all of them twice
      folders.add(folder);
      files.forEach((name, yaml) -> out.add(folder + "/" + name, yaml));
      extras.get(folder).forEach((name, text) -> out.add(folder + "/" + name, text));
      out.add(folder + "/kustomization.yaml", kustomization(files.keySet()));
    });
    out.add("kustomization.yaml", kustomization(folders));
    out.add("README.md", ApplyGuide.readme(customKinds, webhooks, ApplyGuide.monitoringFirst(all.awaited())) + "\n" + dev.homelab.versions.VersionsReadme.section(lab, name())
        + dev.homelab.k8s.data.RestoreGuide.section(lab));
    out.add(ApplyGuide.WAIT_SCRIPT, ApplyGuide.waitScript(customKinds, webhooks));
    if (!secrets.missing().isEmpty()) {
      out.add("SECRETS.md", secrets.markdown(lab));
    }
    return out.build();
  }

  /** Secrets, then apply and wait, from the objects this backend renders (see {@link BringUp}). */
  @Override
  public List<BringUpStep> bringUp(Lab lab) {
    Collected all = takeRendered(lab).orElseGet(() -> collect(lab));
    return BringUp.steps(lab, all.awaited(), all.secrets());
  }

  /**
   * What {@link #render} collected for {@code lab}, if it was the last lab rendered (the same
   * instance: a Lab is immutable), handed over once. {@code Renderer.write} renders, then asks every
   * backend for its bring-up steps for the top-level guide; without this the second call would
   * build, customize and serialize every object again. Only render fills it, so rendering alone
   * never reuses anything, and taking it clears it, so it keeps no lab alive past its guide.
   */
  private Optional<Collected> takeRendered(Lab lab) {
    Collected last = lastRendered.get();
    if (last != null && last.lab() == lab && lastRendered.compareAndSet(last, null)) {
      return Optional.of(last);
    }
    return Optional.empty();
  }

  /**
   * What the guides and the files need of one rendered object, kept instead of the object: fabric8
   * objects are large, and a lab of 100,000 apps has nearly a million of them.
   */
  private record Written(String fileName, String text, Optional<String> crd, Optional<ApplyGuide.Webhook> webhook) {
    static Written of(HasMetadata object, String yaml) {
      String comment = Namespaces.comment(object); // only some Namespaces have one: no copy of every text
      return new Written(KubernetesBackend.fileName(object), comment.isEmpty() ? yaml : comment + yaml,
          ApplyGuide.crdName(object), ApplyGuide.webhook(object));
    }
  }

  /**
   * The written objects by folder, each folder's extra files, the Secrets they need, and the
   * HelmCharts and Jobs (whose install Jobs and themselves the bring-up guide waits for) with the
   * Namespaces (a chart applied on its own goes with its target's), for {@code lab}.
   */
  private record Collected(Lab lab, Map<String, List<Written>> objects, Map<String, Map<String, String>> extras,
      SecretsChecklist secrets, List<Placed> awaited) {
    /** Only what {@link #bringUp} reads: the files' texts are not kept past the render. */
    Collected forBringUp() {
      return new Collected(lab, Map.of(), Map.of(), secrets, awaited);
    }
  }

  /**
   * Serializes each object once, to a tree that both the secret scan and the YAML read (the YAML
   * written from the tree is the same bytes as from the object: same mapper, same serializers).
   * Components and customizers (user code) run on this thread, in order; the objects they give are
   * serialized and scanned in batches on the common pool (our code only, stateless) while the next
   * components run, and filed here in the same order, so the output does not depend on the threads.
   */
  private Collected collect(Lab lab) {
    Map<String, List<Written>> objects = new LinkedHashMap<>();
    Map<String, Map<String, String>> extras = new LinkedHashMap<>();
    SecretsChecklist secrets = new SecretsChecklist();
    List<Placed> awaited = new ArrayList<>();
    Filing filing = new Filing(objects, secrets);
    for (Component component : components) {
      for (Component c : component.expand(lab)) {
        List<HasMetadata> kept = customized(c.objects(lab));
        if (kept.isEmpty()) {
          continue;
        }
        objects.computeIfAbsent(c.folder(), f -> new ArrayList<>());
        for (HasMetadata o : kept) {
          Placed placed = new Placed(c.folder(), o);
          filing.add(placed);
          if (o instanceof HelmChart || o instanceof Job || o instanceof Namespace) {
            awaited.add(placed);
          }
        }
        extras.computeIfAbsent(c.folder(), f -> new TreeMap<>()).putAll(c.extraFiles(lab));
      }
    }
    filing.finish();
    lab.secretStore().ifPresent(store -> secrets.externalSecrets(store).forEach((folder, list) -> customized(list)
        .forEach(o -> objects.get(folder).add(Written.of(o, KubernetesYaml.write(SecretScanner.tree(o)))))));
    return new Collected(lab, objects, extras, secrets, awaited);
  }

  /** An object and the folder it goes to. */
  record Placed(String folder, HasMetadata object) {
    /** Its file, relative to the output's root. */
    String path() {
      return folder + "/" + fileName(object);
    }
  }

  /** One object as filed: its file and what the Secrets checklist learns from it. */
  private record Serialized(Written written, SecretsChecklist.Scan scan) {
    static Serialized of(Placed p) {
      JsonNode tree = SecretScanner.tree(p.object());
      return new Serialized(Written.of(p.object(), KubernetesYaml.write(tree)), SecretsChecklist.scan(p.object(), tree));
    }
  }

  /**
   * Serializes batches of objects on the common pool while the calling thread goes on making the
   * next ones (before, the components waited while a batch was serialized, and the pool sat idle
   * while they ran), then files them in the order they came; a batch the pool has not started when
   * its turn comes is serialized here. At most {@link #IN_FLIGHT} batches wait at once, so a lab of
   * 100,000 apps never holds more trees than theirs. A batch's failure is thrown here, as it was
   * thrown there.
   */
  private static final class Filing {
    /** Objects per task: enough that handing them out pays, few enough that the last task is short. */
    private static final int BATCH = 16;
    private static final int IN_FLIGHT = 16;

    private final Map<String, List<Written>> objects;
    private final SecretsChecklist secrets;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private List<Placed> batch = new ArrayList<>(BATCH);

    Filing(Map<String, List<Written>> objects, SecretsChecklist secrets) {
      this.objects = objects;
      this.secrets = secrets;
    }

    /** A batch and its serialization, which runs once: on the pool, or here if the pool has not started it. */
    private record Pending(List<Placed> batch, SideTask<List<Serialized>> serialized) {}

    private static List<Serialized> serialized(List<Placed> batch) {
      List<Serialized> done = new ArrayList<>(batch.size());
      for (Placed p : batch) {
        done.add(Serialized.of(p));
      }
      return done;
    }

    void add(Placed placed) {
      batch.add(placed);
      if (batch.size() == BATCH) {
        submit();
      }
    }

    /** Files every batch, in order, serializing here those the pool has not started. */
    void finish() {
      List<Placed> last = batch;
      batch = new ArrayList<>();
      SideTask<List<Serialized>> lastDone = SideTask.runHere(() -> serialized(last));
      // the pool takes batches oldest first: this thread takes the rest from the newest, so both
      // work until they meet, then files everything in order
      for (Iterator<Pending> newestFirst = pending.descendingIterator(); newestFirst.hasNext(); ) {
        newestFirst.next().serialized().take();
      }
      while (!pending.isEmpty()) {
        fileOldest();
      }
      file(last, lastDone);
    }

    private void submit() {
      List<Placed> full = batch;
      batch = new ArrayList<>(BATCH);
      pending.add(new Pending(full, SideTask.start(() -> serialized(full))));
      if (pending.size() > IN_FLIGHT) {
        fileOldest();
      }
    }

    private void fileOldest() {
      Pending oldest = pending.poll();
      file(oldest.batch(), oldest.serialized());
    }

    /** Files a batch; throws what serializing it threw, as it was thrown. */
    private void file(List<Placed> placed, SideTask<List<Serialized>> serialized) {
      List<Serialized> done = serialized.join();
      for (int i = 0; i < placed.size(); i++) {
        Serialized s = done.get(i);
        secrets.add(placed.get(i).folder(), s.scan());
        objects.get(placed.get(i).folder()).add(s.written());
      }
    }
  }

  private List<HasMetadata> customized(List<? extends HasMetadata> rendered) {
    List<HasMetadata> kept = new ArrayList<>();
    for (HasMetadata object : rendered) {
      HasMetadata customized = object;
      for (ObjectCustomizer c : customizers) {
        if (customized != null) {
          customized = c.customize(customized);
        }
      }
      if (customized != null) {
        kept.add(customized);
      }
    }
    return kept;
  }

  /** {@code <kind>-<name>.yaml}, lower case. */
  static String fileName(HasMetadata object) {
    return object.getKind().toLowerCase(Locale.ROOT) + "-" + object.getMetadata().getName() + ".yaml";
  }

  /** Through the one YAML writer: a folder a user's component names {@code on} stays a string. */
  private static String kustomization(java.util.Collection<String> resources) {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    k.put("kind", "Kustomization");
    k.put("resources", List.copyOf(resources));
    return KubernetesYaml.write(k);
  }
}
