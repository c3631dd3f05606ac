package dev.homelab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries the build alone cannot enforce: the model knows no backend and no fabric8
 * type, backends do not know each other, and users never see generated {@code Immutable*} types.
 * Lives in the CLI module because it is the one module that sees every other.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.homelab");

  private static final String[] BACKENDS = {
      "dev.homelab.k8s..", "dev.homelab.ansible..", "dev.homelab.terraform..", "dev.homelab.github.."};

  @Test
  void should_see_the_classes_of_every_module() {
    // The rules below pass vacuously on an empty import; make sure they look at real code.
    org.assertj.core.api.Assertions.assertThat(CLASSES.contain("dev.homelab.model.Lab")).isTrue();
    for (String backend : new String[] {"dev.homelab.k8s.KubernetesBackend", "dev.homelab.ansible.AnsibleBackend",
        "dev.homelab.terraform.TerraformBackend", "dev.homelab.github.GitHubActionsBackend"}) {
      org.assertj.core.api.Assertions.assertThat(CLASSES.contain(backend)).as(backend).isTrue();
    }
  }

  @Test
  void should_keep_the_model_free_of_backends_and_fabric8() {
    // dev.homelab.backend.yaml, the YAML writer every backend shares, is the one place Jackson is allowed.
    noClasses().that().resideInAnyPackage("dev.homelab", "dev.homelab.model..", "dev.homelab.validation..",
            "dev.homelab.backend..", "dev.homelab.versions..", "dev.homelab.internal..").and().resideOutsideOfPackage("dev.homelab.backend.yaml")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.fabric8..", "com.fasterxml.jackson..", "dev.homelab.k8s..", "dev.homelab.ansible..",
            "dev.homelab.terraform..", "dev.homelab.github..", "dev.homelab.cli..")
        .check(CLASSES);
  }

  @Test
  void should_not_expose_internal_helpers_in_the_public_api() {
    // dev.homelab.internal is public only for the backends: no public method of the API takes or returns it.
    methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
        .and().areDeclaredInClassesThat().resideInAnyPackage("dev.homelab", "dev.homelab.model..", "dev.homelab.validation..",
            "dev.homelab.backend..", "dev.homelab.versions..", "dev.homelab.testing..")
        .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaMethod>("not take or return an internal type") {
          @Override
          public void check(com.tngtech.archunit.core.domain.JavaMethod method, com.tngtech.archunit.lang.ConditionEvents events) {
            java.util.List<com.tngtech.archunit.core.domain.JavaClass> types = new java.util.ArrayList<>(method.getRawParameterTypes());
            types.add(method.getRawReturnType());
            types.stream().filter(t -> t.getPackageName().startsWith("dev.homelab.internal")).forEach(t -> events.add(
                com.tngtech.archunit.lang.SimpleConditionEvent.violated(method, method.getFullName() + " exposes " + t.getName())));
          }
        })
        .allowEmptyShould(false)
        .check(CLASSES);
  }

  @Test
  void should_keep_the_yaml_writer_out_of_the_model() {
    noClasses().that().resideInAnyPackage("dev.homelab", "dev.homelab.model..", "dev.homelab.validation..")
        .should().dependOnClassesThat().resideInAPackage("dev.homelab.backend.yaml")
        .check(CLASSES);
  }

  @Test
  void should_keep_backends_independent_of_each_other() {
    for (String backend : BACKENDS) {
      String[] others = java.util.Arrays.stream(BACKENDS).filter(b -> !b.equals(backend)).toArray(String[]::new);
      noClasses().that().resideInAPackage(backend)
          .should().dependOnClassesThat().resideInAnyPackage(others)
          .orShould().dependOnClassesThat().resideInAPackage("dev.homelab.cli..")
          .check(CLASSES);
    }
  }

  @Test
  void should_keep_fabric8_inside_the_kubernetes_backend() {
    noClasses().that().resideOutsideOfPackage("dev.homelab.k8s..")
        .should().dependOnClassesThat().resideInAPackage("io.fabric8..")
        .check(CLASSES);
  }

  @Test
  void should_hide_generated_immutable_classes() {
    classes().that().haveSimpleNameStartingWith("Immutable").and().resideInAPackage("dev.homelab.model..")
        .should().notBePublic()
        .check(CLASSES);
    methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
        .should().notHaveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe(
            "a generated Immutable* type", c -> c.getSimpleName().startsWith("Immutable")))
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void should_keep_model_values_closed_to_subclassing_by_users() {
    classes().that().resideInAPackage("dev.homelab.model..").and().areNotInterfaces().and().areNotEnums()
        .and().haveModifier(JavaModifier.ABSTRACT)
        .should().haveOnlyPrivateConstructors().orShould(new com.tngtech.archunit.lang.ArchCondition<>(
            "have only package-private constructors") {
          @Override
          public void check(com.tngtech.archunit.core.domain.JavaClass c, com.tngtech.archunit.lang.ConditionEvents events) {
            c.getConstructors().stream()
                .filter(k -> k.getModifiers().contains(JavaModifier.PUBLIC) || k.getModifiers().contains(JavaModifier.PROTECTED))
                .forEach(k -> events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(k, k.getFullName() + " is visible to users")));
          }
        })
        .check(CLASSES);
  }
}
