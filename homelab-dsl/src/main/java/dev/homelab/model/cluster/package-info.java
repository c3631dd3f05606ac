/** The k3s cluster: version, HA, secrets encryption, etcd snapshots, automatic upgrades. */
@HomelabStyle
@CheckReturnValue
package dev.homelab.model.cluster;

import com.google.errorprone.annotations.CheckReturnValue;
import dev.homelab.model.HomelabStyle;
