package dev.homelab.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Every rule the standard {@link Validator} runs, grouped by concept. {@link ValueRules} comes
 * first: it reports the one-object invariants each model value checks on itself.
 */
final class StandardRules {
  private StandardRules() {}

  static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    rules.add(new ValueRules());
    rules.addAll(NameRules.all());
    rules.addAll(SecretRules.all());
    rules.addAll(NodeRules.all());
    rules.addAll(ClusterRules.all());
    rules.addAll(NetworkRules.all());
    rules.addAll(VpnRules.all());
    rules.addAll(EdgeRules.all());
    rules.addAll(StorageRules.all());
    rules.addAll(BackupRules.all());
    rules.addAll(AppRules.all());
    rules.addAll(HostDatabaseRules.all());
    rules.addAll(GroupRules.all());
    rules.addAll(InternalTlsRule.all());
    rules.addAll(NoEffectRule.all());
    rules.addAll(ApiVipRules.all());
    rules.addAll(PlacementRules.all());
    return rules;
  }
}
