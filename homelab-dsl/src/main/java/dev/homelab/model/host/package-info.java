/** Hosts: nodes, their disks, labels, taints and host-level services. */
@HomelabStyle
@CheckReturnValue
package dev.homelab.model.host;

import com.google.errorprone.annotations.CheckReturnValue;
import dev.homelab.model.HomelabStyle;
