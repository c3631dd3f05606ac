package dev.homelab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.homelab.ansible.AnsibleBackend;
import dev.homelab.backend.Backend;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.backend.Renderer;
import dev.homelab.github.GitHubActionsBackend;
import dev.homelab.k8s.KubernetesBackend;
import dev.homelab.model.Lab;
import dev.homelab.terraform.TerraformBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A lab rendered in memory through backends (all four by default), read back: files per backend,
 * Kubernetes objects by kind, namespace and name, the references between them
 * ({@link References}), the Ansible inventory's hosts and the Terraform DNS records. Assert on it
 * with {@link HomelabAssertions#assertThat(LabRender)}.
 */
public final class LabRender {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Lab lab;
  private final Map<String, RenderedFiles> files;
  private List<K8sObject> objects;

  private LabRender(Lab lab, Map<String, RenderedFiles> files) {
    this.lab = lab;
    this.files = Collections.unmodifiableMap(files);
  }

  /**
   * Validates {@code lab} and renders it with the Kubernetes, Ansible, Terraform and GitHub Actions
   * backends.
   *
   * @param lab the lab to render
   * @return the render
   * @throws dev.homelab.validation.ValidationException when the lab has problems
   */
  public static LabRender of(Lab lab) {
    return of(lab, new KubernetesBackend(), new AnsibleBackend(), new TerraformBackend(), new GitHubActionsBackend());
  }

  /**
   * Validates {@code lab} and renders it with {@code backends} only, e.g. a customised
   * {@link KubernetesBackend}.
   *
   * @param lab the lab to render
   * @param backends the backends, in order
   * @return the render
   */
  public static LabRender of(Lab lab, Backend... backends) {
    return new LabRender(lab, Renderer.using(backends).render(lab));
  }

  /** For tests of the kit: a render whose files a test changed. */
  static LabRender ofFiles(Lab lab, Map<String, RenderedFiles> files) {
    return new LabRender(lab, files);
  }

  /** @return the rendered lab */
  public Lab lab() {
    return lab;
  }

  /** @return backend name ({@code k8s}, {@code ansible}, ...) to its files, in backend order */
  public Map<String, RenderedFiles> byBackend() {
    return files;
  }

  /**
   * The paths one backend wrote, relative to its folder.
   *
   * @param backend e.g. {@code k8s}
   * @return sorted paths, empty for a backend that did not render
   */
  public SortedSet<String> files(String backend) {
    RenderedFiles rendered = files.get(backend);
    return rendered == null ? new TreeSet<>() : new TreeSet<>(rendered.files().keySet());
  }

  /**
   * One file's text.
   *
   * @param backend e.g. {@code ansible}
   * @param path e.g. {@code inventory.yml}
   * @return its UTF-8 text
   * @throws IllegalArgumentException when there is no such file
   */
  public String text(String backend, String path) {
    RenderedFiles rendered = files.get(backend);
    if (rendered == null) {
      throw new IllegalArgumentException("no backend " + backend + " in this render; backends: " + files.keySet());
    }
    return rendered.text(path);
  }

  /**
   * Every Kubernetes object of every {@code .yaml} file under {@code k8s/}, in file order.
   *
   * @return the objects, each with the file it came from
   */
  public List<K8sObject> objects() {
    if (objects == null) {
      List<K8sObject> all = new ArrayList<>();
      for (String path : files("k8s")) {
        if (!path.endsWith(".yaml")) {
          continue;
        }
        for (JsonNode doc : yamlDocuments(text("k8s", path))) {
          if (doc == null || !doc.has("kind")) {
            continue;
          }
          JsonNode meta = doc.path("metadata");
          all.add(new K8sObject(path, doc.path("apiVersion").asText(), doc.path("kind").asText(),
              meta.path("namespace").asText(""), meta.path("name").asText(), doc));
        }
      }
      objects = List.copyOf(all);
    }
    return objects;
  }

  /**
   * The objects of one kind.
   *
   * @param kind e.g. {@code Deployment}
   * @return them, in file order
   */
  public List<K8sObject> objects(String kind) {
    return objects().stream().filter(o -> o.kind().equals(kind)).toList();
  }

  /**
   * The object of {@code kind} called {@code name} in {@code namespace}.
   *
   * @param kind e.g. {@code Service}
   * @param namespace its namespace, {@code ""} for cluster-scoped kinds
   * @param name its name
   * @return it, or empty
   */
  public Optional<K8sObject> object(String kind, String namespace, String name) {
    return objects().stream()
        .filter(o -> o.kind().equals(kind) && o.namespace().equals(namespace) && o.name().equals(name))
        .findFirst();
  }

  /** @return {@link Topology}'s questions answered from this render's objects */
  public RenderedTopology topology() {
    return new RenderedTopology(this);
  }

  /** @return the references between rendered objects (Service to pods, route to Service, ...) */
  public References references() {
    return new References(this);
  }

  /**
   * The host names of the Ansible inventory ({@code ansible/inventory.yml}), in every group.
   *
   * @return sorted host names, empty without an Ansible render
   */
  public SortedSet<String> inventoryHosts() {
    SortedSet<String> hosts = new TreeSet<>();
    if (files("ansible").contains("inventory.yml")) {
      yamlDocuments(text("ansible", "inventory.yml")).forEach(doc -> collectHosts(doc, hosts));
    }
    return hosts;
  }

  private static void collectHosts(JsonNode node, SortedSet<String> hosts) {
    if (node == null || !node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("hosts") && e.getValue().isObject()) {
        e.getValue().fieldNames().forEachRemaining(hosts::add);
      } else {
        collectHosts(e.getValue(), hosts);
      }
    }
  }

  /**
   * The names of the DNS records in the Terraform JSON ({@code cloudflare_dns_record} resources).
   *
   * @return sorted fully qualified names, empty without DNS
   */
  public SortedSet<String> dnsRecordNames() {
    SortedSet<String> names = new TreeSet<>();
    for (String path : files("terraform")) {
      if (!path.endsWith(".tf.json")) {
        continue;
      }
      JsonNode records = json(text("terraform", path)).path("resource").path("cloudflare_dns_record");
      records.forEach(r -> names.add(r.path("name").asText()));
    }
    return names;
  }

  /**
   * Traefik's entry points reachable from the internet: those of its HelmChart's {@code ports}
   * exposed on the default (public) Service.
   *
   * @return sorted entry point names, empty without Traefik
   */
  public SortedSet<String> publicEntryPoints() {
    SortedSet<String> names = new TreeSet<>();
    for (K8sObject chart : objects("HelmChart")) {
      if (!chart.text("spec.chart").orElse("").equals("traefik")) {
        continue;
      }
      for (JsonNode values : yamlDocuments(chart.text("spec.valuesContent").orElse(""))) {
        if (values == null) {
          continue;
        }
        values.path("ports").fields().forEachRemaining(p -> {
          if (p.getValue().path("expose").path("default").asBoolean(true)) {
            names.add(p.getKey());
          }
        });
      }
    }
    return names;
  }

  /**
   * Every file of every backend as UTF-8 text, keyed {@code backend/path}.
   *
   * @return the texts, sorted by key
   */
  public java.util.SortedMap<String, String> texts() {
    java.util.SortedMap<String, String> all = new java.util.TreeMap<>();
    files.forEach((backend, rendered) -> rendered.files().keySet().forEach(p -> all.put(backend + "/" + p, rendered.text(p))));
    return all;
  }

  static List<JsonNode> yamlDocuments(String text) {
    try (var parser = new YAMLFactory().createParser(text)) {
      List<JsonNode> docs = new ArrayList<>();
      YAML.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
