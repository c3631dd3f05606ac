/** The k3s cluster: version, HA, secrets encryption, etcd snapshots, automatic upgrades. */
@HomelabStyle
package dev.homelab.model.cluster;

import dev.homelab.model.HomelabStyle;
