package dev.homelab.validation;

import java.util.ArrayList;
import java.util.List;

/** Every rule the standard {@link Validator} runs, grouped by concept. */
final class StandardRules {
  private StandardRules() {}

  static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    rules.addAll(NameRules.all());
    rules.addAll(NodeRules.all());
    rules.addAll(ClusterRules.all());
    rules.addAll(NetworkRules.all());
    rules.addAll(AppRules.all());
    return rules;
  }
}
