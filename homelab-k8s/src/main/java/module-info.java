/**
 * The Kubernetes backend: {@link dev.homelab.k8s.KubernetesBackend} renders a lab to the objects
 * k3s applies, one folder per component.
 */
module dev.homelab.k8s {
  // The backend, the Component SPI a lab adds its own folders with (KubernetesBackend.with) and the
  // ObjectCustomizer it patches rendered objects with.
  exports dev.homelab.k8s;
  // Typed custom resources (HelmChart, IngressRoute, Certificate...): a user's Component builds
  // them and a customizer meets them among the objects. The packages that assemble the standard
  // components (apps, data, platform, traefik, metallb, secrets, backup, pods, yaml) stay inside.
  exports dev.homelab.k8s.crd;
  exports dev.homelab.k8s.crd.certmanager;
  exports dev.homelab.k8s.crd.externalsecrets;
  exports dev.homelab.k8s.crd.helm;
  exports dev.homelab.k8s.crd.metallb;
  exports dev.homelab.k8s.crd.traefik;
  exports dev.homelab.k8s.crd.upgrade;

  // Backend, Lab and RenderedFiles are in the API: a user of this module needs the model too.
  requires transitive dev.homelab.dsl;
  // Component and ObjectCustomizer speak fabric8's HasMetadata. fabric8's model jars are automatic
  // modules named after their files (no Automatic-Module-Name in 7.7.0).
  requires transitive kubernetes.model.core;
  requires kubernetes.model.apps;
  requires kubernetes.model.batch;
  // NetworkPolicies and Peers, the helpers a Component admits its peers with, return NetworkPolicy.
  requires transitive kubernetes.model.networking;
  requires kubernetes.model.storageclass;
  requires kubernetes.model.rbac;
  requires kubernetes.model.apiextensions;
  requires openshift.model.monitoring;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;

  // Jackson writes these objects (records and fields) to YAML by reflection.
  opens dev.homelab.k8s to com.fasterxml.jackson.databind;
  opens dev.homelab.k8s.crd to com.fasterxml.jackson.databind;
  opens dev.homelab.k8s.crd.certmanager to com.fasterxml.jackson.databind;
  opens dev.homelab.k8s.crd.externalsecrets to com.fasterxml.jackson.databind;
  opens dev.homelab.k8s.crd.helm to com.fasterxml.jackson.databind;
  opens dev.homelab.k8s.crd.metallb to com.fasterxml.jackson.databind;
  opens dev.homelab.k8s.crd.traefik to com.fasterxml.jackson.databind;
  opens dev.homelab.k8s.crd.upgrade to com.fasterxml.jackson.databind;
  opens dev.homelab.k8s.data to com.fasterxml.jackson.databind;
  opens dev.homelab.k8s.secrets to com.fasterxml.jackson.databind;
  opens dev.homelab.k8s.traefik to com.fasterxml.jackson.databind;
}
