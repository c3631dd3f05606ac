package dev.homelab.terraform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homelab.model.SecretRef;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one Terraform module being rendered: the parts ({@link DnsRecords}, {@link Buckets},
 * {@link StateBackend}) add providers, variables, resources and outputs; {@link TerraformBackend}
 * turns it into files. Maps keyed by name are sorted, so the files do not depend on the order in
 * which parts contribute.
 */
final class TerraformModule {
  private final String header;
  private final Map<String, ObjectNode> requiredProviders = new TreeMap<>();
  private final Map<String, Variable> variables = new TreeMap<>();
  private final Map<String, ObjectNode> outputs = new TreeMap<>();
  private final Map<String, ObjectNode> files = new TreeMap<>();
  private final Map<String, SecretRef> backendEnv = new TreeMap<>();
  private ObjectNode backend;
  private int resources;

  TerraformModule(String header) {
    this.header = header;
  }

  /** Pins a provider in {@code terraform.required_providers}. */
  void requireProvider(String local, String source, String version) {
    ObjectNode p = TfJson.object();
    p.put("source", source);
    p.put("version", version);
    requiredProviders.put(local, p);
  }

  void variable(Variable variable) {
    variables.putIfAbsent(variable.name(), variable);
  }

  void output(String name, ObjectNode body) {
    outputs.put(name, body);
  }

  /** The document of file {@code name} (e.g. {@code dns.tf.json}), created with its header comment. */
  ObjectNode file(String name) {
    return files.computeIfAbsent(name, n -> {
      ObjectNode doc = TfJson.object();
      doc.put(TfJson.COMMENT, header);
      return doc;
    });
  }

  /** Adds resource {@code type.name} to file {@code fileName}; returns its body to fill. */
  ObjectNode resource(String fileName, String type, String name, String comment) {
    ObjectNode byType = file(fileName).withObjectProperty("resource").withObjectProperty(type);
    if (byType.has(name)) {
      throw new IllegalStateException("two resources " + type + "." + name);
    }
    resources++;
    ObjectNode body = byType.putObject(name);
    body.put(TfJson.COMMENT, comment);
    return body;
  }

  /** The {@code terraform.backend} block, and the environment variables it reads its credentials from. */
  void backend(ObjectNode block, Map<String, SecretRef> credentialEnv) {
    this.backend = block;
    backendEnv.putAll(credentialEnv);
  }

  boolean isEmpty() {
    return resources == 0;
  }

  Collection<Variable> variables() {
    return variables.values();
  }

  Map<String, ObjectNode> requiredProviders() {
    return requiredProviders;
  }

  Optional<ObjectNode> backend() {
    return Optional.ofNullable(backend);
  }

  Map<String, SecretRef> backendEnv() {
    return backendEnv;
  }

  Collection<String> outputNames() {
    return outputs.keySet();
  }

  /** Every {@code *.tf.json} file, by name. */
  Map<String, String> render(String requiredVersion) {
    Map<String, String> out = new LinkedHashMap<>();
    ObjectNode versions = TfJson.object();
    versions.put(TfJson.COMMENT, header);
    ObjectNode terraform = versions.putObject("terraform");
    terraform.put("required_version", requiredVersion);
    terraform.putObject("required_providers").setAll(requiredProviders);
    out.put("versions.tf.json", TfJson.write(versions));
    if (backend != null) {
      ObjectNode doc = TfJson.object();
      doc.put(TfJson.COMMENT, header);
      doc.putObject("terraform").set("backend", backend);
      out.put("backend.tf.json", TfJson.write(doc));
    }
    if (!variables.isEmpty()) {
      ObjectNode doc = TfJson.object();
      doc.put(TfJson.COMMENT, header);
      ObjectNode vars = doc.putObject("variable");
      variables.forEach((name, v) -> vars.set(name, v.toJson()));
      out.put("variables.tf.json", TfJson.write(doc));
    }
    if (!outputs.isEmpty()) {
      ObjectNode doc = TfJson.object();
      doc.put(TfJson.COMMENT, header);
      doc.putObject("output").setAll(outputs);
      out.put("outputs.tf.json", TfJson.write(doc));
    }
    files.forEach((name, doc) -> out.put(name, TfJson.write(doc)));
    return out;
  }
}
