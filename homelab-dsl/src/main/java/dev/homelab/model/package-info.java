/** The homelab model: immutable values built through {@link dev.homelab.Homelab}. */
@HomelabStyle
package dev.homelab.model;
