package dev.homelab.validation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksTest {

  @Test
  void should_declare_every_check_of_the_model_in_the_registry_only() {
    // A check made anywhere else would be a rule id the registry, its tests and the rules page do not know.
    noClasses().that().resideInAnyPackage("dev.homelab", "dev.homelab.model..", "dev.homelab.validation..", "dev.homelab.backend..")
        .and().doNotHaveFullyQualifiedName(Checks.class.getName())
        .should().callMethod(Check.class, "of", String.class, String.class)
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.homelab"));
  }

  @Test
  void should_give_every_check_its_own_id() {
    assertThat(Checks.all()).extracting(Check::id).doesNotHaveDuplicates().contains("etcd-odd-servers", "image-pinned");
  }

  @Test
  void should_write_the_rules_page_as_one_table_row_per_check() {
    assertThat(Checks.markdown(List.of(Checks.ETCD_ODD_SERVERS, Check.of("pipes", "A | B"), Checks.ETCD_ODD_SERVERS))).isEqualTo("""
        | Check | What it requires |
        | --- | --- |
        | `etcd-odd-servers` | Several servers (embedded etcd) mean .ha(), with an odd number of servers, at least 3 |
        | `pipes` | A \\| B |
        """);
    assertThat(Checks.markdown(Checks.all()).lines()).hasSize(Checks.all().size() + 2);
  }

  @Test
  void should_refuse_an_id_that_is_not_lower_case_words() {
    assertThatThrownBy(() -> Check.of("No Workers", "Every node is a control plane"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("check id 'No Workers' is not lower-case words joined by '-', like no-workers");
  }
}
