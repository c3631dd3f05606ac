#!/usr/bin/python3
"""Helpers of hosts-converge.sh that read the rendered Ansible directory or ansible's JSON output.

Debian's python3 with its python3-yaml (what Debian's ansible runs on), so nothing is installed
for it. Subcommands:
  hosts ANSIBLE_DIR            one host per distinct set of inventory groups: "host group,group..."
  disks ANSIBLE_DIR HOST       the disks of HOST (vars/disks.yml) as the test lays them out
  vault ANSIBLE_DIR OUT [PFX]  a vault file with a test value for every variable of VAULT.md
  recap JSON                   one line per host (ok/changed/failed), every failed task, exit 1 on failures
  changed JSON                 the tasks that reported changed
  failed-msg JSON              the messages of the failed tasks
  coverage ANSIBLE_DIR         every file a role writes has a checker in CHECKERS, or exit 1
"""
import glob
import json
import os
import re
import sys

import yaml

# Every file a role of site.yml writes (the dest/path of template, copy, lineinfile and sysctl
# tasks, as written in the role) and the checker hosts-converge.sh runs on it. A role that writes
# a new file fails "coverage" until the file has a checker here and in hosts-converge.sh.
CHECKERS = {
    "/etc/hosts": "getent hosts <host name> (127.0.1.1)",
    "/etc/btrbk/btrbk.conf": "btrbk -c FILE config print (also the template's validate:)",
    "/etc/systemd/system/{{ item }}": "systemd-analyze verify",
    "/etc/systemd/system/restic-{{ item.name }}.service": "systemd-analyze verify",
    "/etc/systemd/system/restic-{{ item.name }}.timer": "systemd-analyze verify",
    "/etc/systemd/system/nfs-server.service.d/homelab-mounts.conf": "systemd-analyze verify nfs-server.service",
    "/etc/exports.d/homelab.exports": "exportfs -ra, then exportfs -v lists every export",
    "/etc/crowdsec/bouncers/crowdsec-firewall-bouncer.yaml.local": "YAML with api_url, api_key, mode",
    "{{ item.password_file }}": "restic cat config with the service's environment file",
    "/etc/restic/{{ item.name }}.env": "restic cat config with the service's environment file",
    "/usr/local/sbin/homelab-restic-{{ item.name }}": "bash -n (also the template's validate:)",
    "{{ homelab_postgres_conf_dir }}/conf.d/homelab.conf": "pg_file_settings has no error",
    "{{ homelab_postgres_conf_dir }}/pg_hba.conf": "pg_hba_file_rules has no error, and a login over TCP",
    "/etc/homelab/pg-dump-s3.env": "systemd-analyze verify of the unit that reads it; bash -n",
    "/usr/local/sbin/homelab-pg-dump-s3": "bash -n (also the template's validate:)",
    "/etc/sysctl.d/90-wireguard.conf": "sysctl in the gateway's network namespace reads 1",
    "{{ homelab_wireguard_dir }}/{{ homelab_wireguard_interface }}.conf":
        "wg-quick strip; its PostUp/PostDown commands run in the gateway's network namespace",
}
WRITERS = {
    "ansible.builtin.template": "dest",
    "ansible.builtin.copy": "dest",
    "ansible.builtin.lineinfile": "path",
    "ansible.builtin.blockinfile": "path",
    "ansible.posix.sysctl": "sysctl_file",
}


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def inventory_groups(ansible_dir):
    """host -> set of groups, read from inventory.yml without running ansible."""
    groups = {}

    def walk(group, node, parents):
        node = node or {}
        chain = parents + [group]
        for host in (node.get("hosts") or {}):
            groups.setdefault(host, set()).update(chain)
        for child, sub in (node.get("children") or {}).items():
            walk(child, sub, chain)

    for group, node in load(os.path.join(ansible_dir, "inventory.yml")).items():
        walk(group, node, [])
    return groups


def cmd_hosts(ansible_dir):
    seen = {}
    for host, groups in inventory_groups(ansible_dir).items():
        key = ",".join(sorted(groups))
        seen.setdefault(key, host)
    for key, host in seen.items():
        print(host, key)


def cmd_disks(ansible_dir, host):
    """Lines "blank DEVICE" (the play formats it) or "fs FILESYSTEM LABEL UUID DEVICE..." (the user did)."""
    path = os.path.join(ansible_dir, "vars", "disks.yml")
    if not os.path.exists(path):
        return
    for disk in (load(path).get("homelab_disks_by_host") or {}).get(host, []):
        if disk["format_if_blank"]:
            for device in disk["devices"]:
                print("blank", device)
        else:
            source = disk["mount_source"]
            uuid = source[len("UUID="):] if source.startswith("UUID=") else "-"
            print("fs", disk["filesystem"], disk["label"], uuid, *disk["devices"])


def cmd_vault(ansible_dir, out, prefix="ci"):
    with open(os.path.join(ansible_dir, "VAULT.md"), encoding="utf-8") as f:
        names = sorted(set(re.findall(r"^(vault_[a-z0-9_]+): \"\"$", f.read(), re.M)))
    with open(out, "w", encoding="utf-8") as f:
        for name in names:
            f.write('%s: "%s-%s"\n' % (name, prefix, name.replace("_", "-")))


def plays(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["plays"]


def results(path):
    for play in plays(path):
        for task in play["tasks"]:
            for host, result in task["hosts"].items():
                yield task["task"]["name"], host, result


def cmd_recap(path):
    with open(path, encoding="utf-8") as f:
        stats = json.load(f)["stats"]
    failed = False
    for host, s in sorted(stats.items()):
        print("  %-8s ok=%d changed=%d failed=%d unreachable=%d skipped=%d"
              % (host, s["ok"], s["changed"], s["failures"], s["unreachable"], s["skipped"]))
        failed |= s["failures"] > 0 or s["unreachable"] > 0
    for name, host, result in results(path):
        if result.get("failed") and not result.get("failed_when_result") is False:
            if result.get("ignore_errors"):
                continue
            print("  FAILED %s: %s: %s" % (host, name, message(result)))
    print("changed=%d" % sum(s["changed"] for s in stats.values()))
    return 1 if failed else 0


def message(result):
    if "results" in result:
        return "; ".join(message(r) for r in result["results"] if r.get("failed"))
    text = result.get("msg") or result.get("stderr") or result.get("module_stderr") or ""
    return " ".join(str(text).split())[:600]


def cmd_changed(path):
    for name, host, result in results(path):
        if result.get("changed"):
            print("  changed %s: %s" % (host, name))


def cmd_failed_msg(path):
    for name, host, result in results(path):
        if result.get("failed"):
            print("%s: %s: %s" % (host, name, message(result)))


def tasks_of(node):
    """Every task mapping in a task file, blocks included."""
    for task in node or []:
        if isinstance(task, dict):
            yield task
            for key in ("block", "rescue", "always"):
                yield from tasks_of(task.get(key))


def cmd_coverage(ansible_dir):
    missing = []
    written = set()
    for path in sorted(glob.glob(os.path.join(ansible_dir, "roles", "*", "tasks", "*.yml"))):
        for task in tasks_of(load(path)):
            for module, key in WRITERS.items():
                if module in task:
                    dest = task[module].get(key)
                    written.add(dest)
                    if dest not in CHECKERS:
                        missing.append("%s: %s %s=%s" % (os.path.relpath(path, ansible_dir), module, key, dest))
    for line in missing:
        print("  no checker for %s" % line)
    print("coverage: %d files the roles write, %d without a checker" % (len(written), len(missing)))
    return 1 if missing else 0


def main(argv):
    command, args = argv[1], argv[2:]
    handler = {"hosts": cmd_hosts, "disks": cmd_disks, "vault": cmd_vault, "recap": cmd_recap,
               "changed": cmd_changed, "failed-msg": cmd_failed_msg, "coverage": cmd_coverage}[command]
    return handler(*args) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
