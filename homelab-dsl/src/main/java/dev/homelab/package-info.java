/**
 * The DSL's entry point, {@link dev.homelab.Homelab}: {@code import static dev.homelab.Homelab.*;}.
 * Every factory returns a new immutable value, so a dropped result is a mistake: the package is
 * {@code @CheckReturnValue} for Error Prone and IntelliJ.
 */
@CheckReturnValue
package dev.homelab;

import com.google.errorprone.annotations.CheckReturnValue;
