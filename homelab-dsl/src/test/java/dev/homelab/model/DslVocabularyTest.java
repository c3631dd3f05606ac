package dev.homelab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One vocabulary: what a setter fills is read back under the setter's name. For every chained
 * setter of every model value ({@code X x(...)}) there is an accessor {@code x()}, the plural
 * {@code xs()} for a setter that adds one entry ({@code env(...)} → {@code env()},
 * {@code volume(...)} → {@code volumes()}), or {@code isX()} for a flag set without arguments
 * ({@code ha()} → {@code isHa()}), and {@code x()} for {@code withoutX()}. The setters that read as
 * a sentence and fill an accessor of another name are listed below, each with why: a new one has
 * to be added here on purpose.
 */
class DslVocabularyTest {
  /** Setters that pick a value of another accessor, as {@code Type.setter} → accessor. */
  private static final Map<String, String> CHOOSES = Map.ofEntries(
      Map.entry("Node.arm64", "arch"),
      Map.entry("Node.amd64", "arch"),
      Map.entry("Node.controlPlane", "role"),
      Map.entry("Node.worker", "role"),
      Map.entry("App.publicVia", "exposure"),
      Map.entry("App.internalVia", "exposure"),
      Map.entry("App.healthPath", "probe"),
      Map.entry("App.tcpProbe", "probe"),
      Map.entry("App.execProbe", "probe"),
      Map.entry("AppVolume.local", "storageKind"),
      Map.entry("AppVolume.shared", "storageKind"),
      // Several values at once: the first accessor stands for the others.
      Map.entry("Runners.scale", "min"),
      Map.entry("Traefik.entrypoints", "publicEntrypoint"),
      Map.entry("DataService.storage", "storageSize"),
      Map.entry("Monitoring.storage", "storageSize"),
      // A flag whose setter names the change from the default and whose accessor names the state.
      Map.entry("S3Target.existingBucket", "managedByTerraform"),
      Map.entry("S3Target.sharedKey", "keyPerConsumer"),
      Map.entry("AddressPool.manualOnly", "autoAssign"),
      Map.entry("Tls.perHost", "wildcard"),
      Map.entry("Traefik.withoutClientIp", "preserveClientIp"),
      Map.entry("NfsStorageClass.asDefault", "defaultClass"),
      Map.entry("NfsStorageClass.deleteOnRelease", "retain"),
      Map.entry("Disk.exportOverNfs", "nfsExported"),
      // A preposition or verb that reads as the sentence the user writes.
      Map.entry("SecretRef.inStore", "store"),
      Map.entry("SecretRef.holding", "holds"),
      Map.entry("K3s.disable", "disabled"));

  @Test
  void should_read_back_what_every_setter_fills_under_the_setters_name() throws Exception {
    List<String> mismatches = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (Class<?> type : DslNullArgumentsTest.dslTypes()) {
      if (!dev.homelab.Homelab.class.equals(type)) {
        for (Method setter : setters(type)) {
          String key = type.getSimpleName() + "." + setter.getName();
          checked.add(key);
          Set<String> accessors = accessors(type);
          String chosen = CHOOSES.get(key);
          boolean found = chosen != null ? accessors.contains(chosen) : readBack(setter).stream().anyMatch(accessors::contains);
          if (!found) {
            mismatches.add(key + " (expected one of " + readBack(setter) + ")");
          }
        }
      }
    }

    assertThat(checked).contains("Lab.cluster", "Lab.ingress", "App.backup", "Node.taint");
    assertThat(mismatches).as("setters whose value is read back under another name").isEmpty();
  }

  private static List<String> readBack(Method setter) {
    String name = setter.getName();
    String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    if (name.startsWith("without")) {
      return List.of(Character.toLowerCase(name.charAt(7)) + name.substring(8));
    }
    return setter.getParameterCount() == 0
        ? List.of("is" + capital, name)
        : List.of(name, name + "s", name.endsWith("y") ? name.substring(0, name.length() - 1) + "ies" : name + "es");
  }

  private static List<Method> setters(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
        .filter(m -> m.getReturnType().equals(type) && !m.getName().equals("validate"))
        .collect(Collectors.toList());
  }

  private static Set<String> accessors(Class<?> type) {
    return Arrays.stream(type.getMethods())
        .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && !m.getReturnType().equals(type))
        .map(Method::getName)
        .collect(Collectors.toSet());
  }
}
