/** Hosts: nodes, their disks, labels, taints and host-level services. */
@HomelabStyle
package dev.homelab.model.host;

import dev.homelab.model.HomelabStyle;
