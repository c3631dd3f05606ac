/**
 * The Ansible backend: {@link dev.homelab.ansible.AnsibleBackend} renders the inventory and host
 * playbook for k3s-io/k3s-ansible.
 */
module dev.homelab.ansible {
  // The backend a lab's main or a custom CLI passes to the render (its only public type).
  exports dev.homelab.ansible;

  // AnsibleBackend implements the SPI's Backend and renders a Lab.
  requires transitive dev.homelab.dsl;
  requires com.fasterxml.jackson.databind;

  // Jackson writes the inventory's values (maps, records) to YAML by reflection.
  opens dev.homelab.ansible to com.fasterxml.jackson.databind;
}
