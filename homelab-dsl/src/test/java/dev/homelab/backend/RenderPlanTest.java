package dev.homelab.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.RenderPlan.Change;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's plan: what render reports and what diff prints, from the same manifest. */
class RenderPlanTest {
  @TempDir Path out;

  private static Map<String, RenderedFiles> backends(Map<String, String> k8s, Map<String, String> ansible) {
    Map<String, RenderedFiles> all = new LinkedHashMap<>();
    all.put("k8s", RenderedFiles.builder().addAll(bytes(k8s)).build());
    all.put("ansible", RenderedFiles.builder().addAll(bytes(ansible)).build());
    return all;
  }

  private static Map<String, byte[]> bytes(Map<String, String> texts) {
    Map<String, byte[]> out = new TreeMap<>();
    texts.forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return out;
  }

  private static SortedMap<String, byte[]> guide(String text) {
    SortedMap<String, byte[]> top = new TreeMap<>();
    top.put("README.md", text.getBytes(StandardCharsets.UTF_8));
    return top;
  }

  @Test
  void should_plan_every_file_as_added_in_a_new_directory_and_change_nothing() throws IOException {
    RenderPlan plan = new OutputWriter(out.resolve("new")).plan(backends(Map.of("a.yaml", "a\n"), Map.of("b.yml", "b\n")),
        guide("guide\n"));

    assertThat(plan.changes()).extracting(RenderPlan.File::path, RenderPlan.File::change).containsExactly(
        org.assertj.core.groups.Tuple.tuple("README.md", Change.ADDED),
        org.assertj.core.groups.Tuple.tuple("ansible/b.yml", Change.ADDED),
        org.assertj.core.groups.Tuple.tuple("k8s/a.yaml", Change.ADDED));
    assertThat(plan.summary().keySet()).containsExactly("k8s", "ansible", RenderPlan.TOP_LEVEL);
    assertThat(out.resolve("new")).doesNotExist();
  }

  @Test
  void should_report_nothing_to_do_right_after_a_write() throws IOException {
    Map<String, RenderedFiles> files = backends(Map.of("a.yaml", "a\n"), Map.of("b.yml", "b\n"));
    new OutputWriter(out).apply(files, guide("guide\n"));

    RenderPlan plan = new OutputWriter(out).plan(files, guide("guide\n"));

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.summary().get("k8s")).containsEntry(Change.UNCHANGED, 1).containsEntry(Change.ADDED, 0);
  }

  @Test
  void should_report_what_a_write_added_changed_removed_and_kept_per_backend() throws IOException {
    new OutputWriter(out).apply(backends(Map.of("a.yaml", "a\n", "old.yaml", "old\n"), Map.of("b.yml", "b\n")), guide("g\n"));

    RenderPlan done = new OutputWriter(out).apply(
        backends(Map.of("a.yaml", "a2\n", "new.yaml", "new\n"), Map.of("b.yml", "b\n")), guide("g\n"));

    assertThat(done.summary().get("k8s")).isEqualTo(Map.of(Change.ADDED, 1, Change.CHANGED, 1, Change.REMOVED, 1,
        Change.UNCHANGED, 0));
    assertThat(done.summary().get("ansible")).containsEntry(Change.UNCHANGED, 1);
    RenderPlan.File changed = done.files().stream().filter(f -> f.path().equals("k8s/a.yaml")).findFirst().orElseThrow();
    assertThat(new String(changed.before().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("a\n");
    assertThat(new String(changed.after().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("a2\n");
    assertThat(out.resolve("k8s/old.yaml")).doesNotExist();
  }

  @Test
  void should_plan_a_file_the_user_changed_as_theirs_without_throwing() throws IOException {
    Map<String, RenderedFiles> files = backends(Map.of("a.yaml", "a\n"), Map.of());
    new OutputWriter(out).apply(files, new TreeMap<>());
    Files.writeString(out.resolve("k8s/a.yaml"), "mine\n");

    RenderPlan plan = new OutputWriter(out).plan(files, new TreeMap<>());

    assertThat(plan.usersFiles()).containsExactly(Map.entry("k8s/a.yaml", ChangedFilesException.Reason.CHANGED));
    assertThat(plan.changes()).extracting(RenderPlan.File::change).containsExactly(Change.CHANGED);
    assertThat(Files.readString(out.resolve("k8s/a.yaml"))).isEqualTo("mine\n");
  }

  @Test
  void should_not_plan_to_remove_a_stale_file_the_user_changed() throws IOException {
    new OutputWriter(out).apply(backends(Map.of("a.yaml", "a\n", "old.yaml", "old\n"), Map.of()), new TreeMap<>());
    Files.writeString(out.resolve("k8s/old.yaml"), "kept\n");

    RenderPlan plan = new OutputWriter(out).plan(backends(Map.of("a.yaml", "a\n"), Map.of()), new TreeMap<>());

    assertThat(plan.isEmpty()).as("the writer keeps a changed stale file").isTrue();
  }

  @Test
  void should_say_an_interrupted_write_is_pending_and_leave_it_to_the_next_write() throws IOException {
    new OutputWriter(out).apply(backends(Map.of("a.yaml", "a\n"), Map.of()), new TreeMap<>());
    Files.createDirectories(out.resolve(".homelab-staging"));

    RenderPlan plan = new OutputWriter(out).plan(backends(Map.of("a.yaml", "a\n"), Map.of()), new TreeMap<>());

    assertThat(plan.interrupted()).isTrue();
    assertThat(out.resolve(".homelab-staging")).isDirectory();
    assertThat(plan.rendered()).isEqualTo(List.of("k8s/a.yaml"));
  }
}
