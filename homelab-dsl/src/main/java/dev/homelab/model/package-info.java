/** The homelab model: immutable values built through {@link dev.homelab.Homelab}. */
@HomelabStyle
@CheckReturnValue
package dev.homelab.model;

import com.google.errorprone.annotations.CheckReturnValue;
