package dev.homelab.validation;

import dev.homelab.model.Lab;
import dev.homelab.internal.Names;
import dev.homelab.model.SecretRef;
import dev.homelab.internal.Texts;
import java.util.ArrayList;
import java.util.List;

/**
 * Secret references: each becomes a Kubernetes Secret (name: DNS-1123 subdomain; key: letters,
 * digits, {@code -._}) and, with a store, an ExternalSecret of that store.
 */
final class SecretRules {
  private SecretRules() {}

  static List<Rule> all() {
    return List.of(secretName());
  }

  /** Every secret reference of the model names a valid Kubernetes Secret, key and store. */
  static Rule secretName() {
    return Rule.of(Checks.SECRET_NAME, (lab, r) -> {
      for (Ref ref : references(lab)) {
        if (ref.what.equals(HOLDS)) {
          // shown in SECRETS.md inside a Markdown code span: one line, no backtick
          r.report(ref.path, "the description of what a secret holds, " + Texts.quote(ref.name)
              + ", is not one line of text", "Describe it on one line without control characters or backticks, "
              + "e.g. .holding(\"postgresql://user:<password>@host:5432/db\")");
          continue;
        }
        if (!Names.isDnsSubdomain(ref.name)) {
          r.report(ref.path, ref.what + " " + Texts.quote(ref.name) + " is not a DNS-1123 subdomain",
              "Rename it, e.g. " + Texts.quote(NameRules.suggest(ref.name)));
        }
        if (ref.key != null && !SECRET_KEY.matcher(ref.key).matches()) {
          r.report(ref.path, "key " + Texts.quote(ref.key) + " of secret " + ref.name + " is not a valid Secret key",
              "Use letters, digits, '-', '_' and '.'");
        }
      }
      lab.secretStore().filter(s -> !Names.isDnsSubdomain(s)).ifPresent(s -> r.report(ModelPaths.ROOT,
          "secret store " + Texts.quote(s) + " is not a DNS-1123 subdomain", "Rename it, e.g. " + Texts.quote(NameRules.suggest(s))));
    });
  }

  private static final String HOLDS = "holds";
  /** A Secret's data key (apimachinery's IsConfigMapKey); compiled once, there is one per reference. */
  private static final java.util.regex.Pattern SECRET_KEY = java.util.regex.Pattern.compile("[-._a-zA-Z0-9]+");


  private static final class Ref {
    final String path;
    final String what;
    final String name;
    final String key;

    Ref(String path, String what, String name, String key) {
      this.path = path;
      this.what = what;
      this.name = name;
      this.key = key;
    }
  }

  private static List<Ref> references(Lab lab) {
    List<Ref> refs = new ArrayList<>();
    lab.cluster().ifPresent(k -> {
      add(refs, ModelPaths.cluster(), k.token());
      k.agentToken().ifPresent(t -> add(refs, ModelPaths.cluster(), t));
    });
    lab.tls().ifPresent(t -> add(refs, ModelPaths.tls(), t.dnsApiToken()));
    lab.security().ifPresent(c -> {
      add(refs, ModelPaths.security(), c.traefikBouncerKey());
      add(refs, ModelPaths.security(), c.firewallBouncerKey());
      c.enroll().ifPresent(k -> add(refs, ModelPaths.security(), k));
    });
    lab.monitoring().ifPresent(m -> {
      add(refs, ModelPaths.monitoring(), m.grafanaAdmin());
      m.receivers().forEach(x -> add(refs, ModelPaths.monitoring(), x.secret()));
    });
    lab.backups().forEach(s -> refs.add(new Ref(ModelPaths.s3(s.name()), "secret name", s.credentials(), null)));
    lab.resticBackups().forEach(b -> add(refs, ModelPaths.restic(b.name()), b.password()));
    lab.dataServices().forEach(d -> add(refs, ModelPaths.dataService(d.name()), d.credentials()));
    lab.apps().forEach(a -> a.secretEnv().values().forEach(s -> add(refs, ModelPaths.app(a.name()), s)));
    lab.github().ifPresent(g -> refs.add(new Ref(ModelPaths.github(), "secret name", g.runnerSecret(), null)));
    lab.dns().ifPresent(d -> add(refs, ModelPaths.dns(), d.apiToken()));
    return refs;
  }

  private static void add(List<Ref> refs, String path, SecretRef secret) {
    refs.add(new Ref(path, "secret name", secret.name(), secret.key()));
    secret.holds().filter(h -> !Texts.isOneLine(h)).ifPresent(h -> refs.add(new Ref(path, HOLDS, h, null)));
    secret.store().ifPresent(s -> refs.add(new Ref(path, "secret store", s, null)));
  }
}
