/**
 * The one YAML writer of every backend ({@link dev.homelab.backend.yaml.YamlWriter}): plain scalars
 * only where YAML 1.1 and 1.2 readers agree they are strings ({@link dev.homelab.backend.yaml.Yaml11}),
 * a hook for what a backend's target evaluates ({@link dev.homelab.backend.yaml.StringHook}), and
 * text the backend itself builds ({@link dev.homelab.backend.yaml.TrustedText}). Your own backend
 * writes YAML through it too.
 */
package dev.homelab.backend.yaml;
