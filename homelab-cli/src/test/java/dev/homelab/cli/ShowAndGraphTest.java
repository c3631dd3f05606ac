package dev.homelab.cli;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homelab.model.Lab;
import dev.homelab.model.network.Traefik;
import dev.homelab.fixtures.TestLabs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowAndGraphTest {
  private static final Traefik TRAEFIK = traefik().publicIp("192.168.1.240").internalIp("192.168.1.241");
  /** A public app behind CrowdSec, an internal one, and a database. */
  private static final Lab SMALL = homelab("small").domain("example.com").lan("192.168.1.0/24")
      .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
      .cluster(k3s("v1.33.4+k3s1"))
      .ingress(TRAEFIK)
      .security(crowdsec())
      .dataServices(postgres("db"))
      .apps(app("blog", "ghcr.io/example/blog:1.4.2").publicVia(TRAEFIK).uses(postgres("db")),
          app("wiki", "ghcr.io/example/wiki:1.0.0").internalVia(TRAEFIK));

  @TempDir Path tmp;

  private static CliRun run(Lab lab, String... args) {
    return CliRun.of(() -> lab, StandardBackends.all(), args);
  }

  @Test
  void should_draw_both_exposure_paths_as_mermaid() {
    CliRun graph = run(SMALL, "graph");

    assertThat(graph.code()).as(graph.err()).isZero();
    assertThat(graph.out()).isEqualTo("flowchart LR\n"
        + "  internet((\"internet\"))\n"
        + "  lan((\"LAN 192.168.1.0/24\"))\n"
        + "  subgraph g_hosts[\"k3s v1.33.4+k3s1\"]\n"
        + "    host_pi1[\"pi1<br/>arm64 · server<br/>192.168.1.11\"]\n"
        + "  end\n"
        + "  subgraph g_apps[\"apps · a namespace each\"]\n"
        + "    app_blog(\"blog<br/>ghcr.io/example/blog:1.4.2\")\n"
        + "    app_wiki(\"wiki<br/>ghcr.io/example/wiki:1.0.0\")\n"
        + "  end\n"
        + "  subgraph g_data[\"data services · a namespace each\"]\n"
        + "    data_db[(\"db<br/>PostgreSQL\")]\n"
        + "  end\n"
        + "  subgraph g_edge[\"edge · namespaces traefik, crowdsec\"]\n"
        + "    traefik_public{{\"Traefik public<br/>192.168.1.240\"}}\n"
        + "    crowdsec{{\"CrowdSec<br/>bouncer\"}}\n"
        + "    traefik_internal{{\"Traefik internal<br/>192.168.1.241\"}}\n"
        + "  end\n"
        + "  subgraph g_storage[\"storage\"]\n"
        + "    sc_local_2dpath[(\"local-path<br/>node-local disk\")]\n"
        + "  end\n"
        + "  app_blog -->|\"uses\"| data_db\n"
        + "  internet -->|\"HTTPS\"| traefik_public\n"
        + "  traefik_public -->|\"every request\"| crowdsec\n"
        + "  lan -->|\"HTTPS\"| traefik_internal\n"
        + "  crowdsec -->|\"blog.example.com\"| app_blog\n"
        + "  traefik_internal -->|\"wiki.example.com\"| app_wiki\n"
        + "  data_db -.->|\"10Gi\"| sc_local_2dpath\n");
  }

  @Test
  void should_refuse_to_overwrite_a_file_that_is_not_a_graph_it_drew() throws Exception {
    Path lab = Files.writeString(tmp.resolve("MyLab.java"), "public class MyLab {}\n");

    CliRun graph = run(SMALL, "graph", "--out", lab.toString());

    assertThat(graph.code()).isEqualTo(HomelabCli.USAGE);
    assertThat(graph.err()).isEqualTo("error: --out " + lab + " exists and is not a graph homelab drew; nothing was written. "
        + "Choose another file, or delete it first\n");
    assertThat(Files.readString(lab)).isEqualTo("public class MyLab {}\n");
  }

  @Test
  void should_redraw_a_graph_it_drew_before_in_either_format() throws Exception {
    Path file = tmp.resolve("lab.mmd");
    assertThat(run(SMALL, "graph", "--format", "dot", "--out", file.toString()).code()).isZero();

    CliRun again = run(SMALL, "graph", "--out", file.toString());

    assertThat(again.code()).isZero();
    assertThat(Files.readString(file)).startsWith("flowchart LR\n");
  }

  @Test
  void should_refuse_a_folder_as_the_graphs_file() {
    CliRun graph = run(SMALL, "graph", "--out", tmp.toString());

    assertThat(graph.code()).isEqualTo(HomelabCli.USAGE);
    assertThat(graph.err()).isEqualTo("error: --out " + tmp + " is a folder. Name the graph's file, e.g. --out " + tmp.resolve("lab.mmd") + "\n");
  }

  @Test
  void should_write_graphviz_dot_with_clusters_and_escaped_labels() throws Exception {
    Path file = tmp.resolve("lab.dot");

    CliRun graph = run(SMALL, "graph", "--format", "dot", "--out", file.toString());

    String dot = Files.readString(file);
    assertThat(graph.code()).isZero();
    assertThat(dot).startsWith("digraph homelab {\n  label=\"homelab small\";\n  rankdir=LR;\n")
        .contains("  subgraph cluster_edge {\n    label=\"edge · namespaces traefik, crowdsec\";\n")
        .contains("    host_pi1 [label=\"pi1\\narm64 · server\\n192.168.1.11\", shape=box3d];\n")
        .contains("  crowdsec -> app_blog [label=\"blog.example.com\"];\n")
        .contains("  data_db -> sc_local_2dpath [label=\"10Gi\", style=dashed];\n")
        .endsWith("}\n");
  }

  @Test
  void should_draw_the_namespace_of_grouped_apps() {
    Lab grouped = SMALL.apps(app("notes", "ghcr.io/example/notes:1.0.0").group("docs"));

    assertThat(run(grouped, "graph").out()).contains("subgraph g_apps[\"apps · a namespace each or per group\"]")
        .contains("notes<br/>ghcr.io/example/notes:1.0.0<br/>namespace docs");
  }

  @Test
  void should_draw_an_edge_from_an_app_to_the_app_it_uses_in_mermaid_and_dot() {
    Lab lab = SMALL.apps(app("worker", "ghcr.io/example/worker:2.0.1").uses(app("blog", "ghcr.io/example/blog:1.4.2")));

    assertThat(run(lab, "graph").out()).contains("  app_worker -->|\"calls\"| app_blog\n");
    assertThat(run(lab, "graph", "-f", "dot").out()).contains("  app_worker -> app_blog [label=\"calls\"];\n");
  }

  @Test
  void should_draw_the_same_text_for_the_same_model() {
    Lab rich = TestLabs.rich();

    assertThat(run(rich, "graph").out()).isEqualTo(run(rich, "graph").out());
    assertThat(run(rich, "graph", "-f", "dot").out()).isEqualTo(run(rich, "graph", "-f", "dot").out());
  }

  @Test
  void should_escape_what_would_end_a_mermaid_label() {
    assertThat(dev.homelab.graph.MermaidGraphAccess.text("a \"b\" <c> | #d")).isEqualTo("a #quot;b#quot; #lt;c#gt; #124; #35;d");
  }

  @Test
  void should_print_every_attribute_as_sorted_json_the_same_every_time() throws Exception {
    CliRun json = run(SMALL, "show", "--json");

    JsonNode root = new ObjectMapper().readTree(json.out());
    assertThat(json.code()).isZero();
    assertThat(root.get("name").asText()).isEqualTo("small");
    assertThat(root.get("nodes").get(0).get("arch").asText()).isEqualTo("ARM64");
    assertThat(root.get("apps").get(0).get("exposure").asText()).isEqualTo("PUBLIC");
    assertThat(root.get("apps").get(0).get("uses").get(0).asText()).isEqualTo("db");
    assertThat(root.get("vpn").isNull()).isTrue();
    List<String> keys = new java.util.ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).isSorted().contains("cluster", "dataServices", "domain");
    assertThat(run(SMALL, "show", "--json").out()).isEqualTo(json.out());
  }

  @Test
  void should_show_secrets_in_json_only_as_references() throws Exception {
    Lab rich = TestLabs.rich();

    CliRun json = run(rich, "show", "--json");

    assertThat(json.code()).as(json.err()).isZero();
    assertThat(json.out()).contains("\"key\"").doesNotContain("password=");
  }
}
