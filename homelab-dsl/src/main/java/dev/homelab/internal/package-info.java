/**
 * Internal: value grammars, IPv4 arithmetic, quoting and argument checks shared by the model, its
 * validation and the backends. Not part of the API: these classes may change in any release, and
 * the published javadoc leaves them out. Use the model types and {@link dev.homelab.Homelab}.
 */
package dev.homelab.internal;
