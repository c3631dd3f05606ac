#!/usr/bin/env bash
# Converges the rendered host playbook (site.yml) for real, twice, against Debian 12 root
# filesystems, then checks every file it wrote with that file's own tool (issue #16).
#
#   .ci/hosts-converge.sh OUT/ansible       (as root; ansible/README.md, "Test on your machine first")
#
# One root filesystem per distinct set of inventory groups (the first host of each set stands for
# the others), debootstrapped from the machine's Debian mirror once and cached as a tarball in
# ${HOMELAB_CI_CACHE:-~/.cache/homelab-ci}, with the packages each host downloads. Ansible reaches each one
# with its chroot connection, through a wrapper that enters the host's own namespaces: network
# (sysctl, iptables and PostgreSQL's port stay off this machine; slirp4netns gives it the mirror
# without touching this machine's firewall), UTS (the host name) and PID (what the play starts
# dies with the test). The storage host's disks are loop devices with the ids and labels of the
# model. Everything runs in a private mount namespace, so no mount outlives the test, and the
# loop devices are detached on exit. homelab_chroot=true switches off only what a chroot cannot
# do (starting services, reload handlers, kernel modules, the CrowdSec repository).
#
# Last line: "hosts: converged N hosts, second run changed=0" (or what changed, and exit 1).
set -euo pipefail

if [ "$#" -ne 1 ] || [ ! -f "$1/site.yml" ]; then
  echo "usage: $0 OUT/ansible (the rendered Ansible directory, with site.yml)" >&2
  exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "hosts: needs root (chroot, loop devices, namespaces)" >&2
  exit 2
fi
# Private mount namespace: every mount below disappears with this process, whatever happens.
if [ -z "${HOMELAB_HOSTS_NS:-}" ]; then
  exec env HOMELAB_HOSTS_NS=1 unshare --mount --propagation private -- "$0" "$@"
fi

ANSIBLE_DIR="$(realpath "$1")"
HERE="$(dirname "$(realpath "${BASH_SOURCE[0]}")")"
HELPER="$HERE/hosts_converge.py"
CACHE="${HOMELAB_CI_CACHE:-$HOME/.cache/homelab-ci}"
RELEASE=bookworm
# What every Raspberry Pi OS Lite / Debian 12 host has besides the base system: systemd, sudo (the
# play's become), python3 (Ansible), procps (sysctl), iproute2, kmod.
INCLUDE=systemd,systemd-sysv,sudo,python3,procps,iproute2,kmod
START=$SECONDS

log() { echo "hosts: $*"; }
elapsed() { echo "$((SECONDS - START)) s"; }

# --- tools on this machine (a fresh CI machine has none of them)
need=()
for pkg in debootstrap ansible slirp4netns e2fsprogs btrfs-progs util-linux; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || need+=("$pkg")
done
if [ "${#need[@]}" -gt 0 ]; then
  log "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ! losetup -f >/dev/null 2>&1; then
  echo "hosts: no free loop device (losetup -f): the storage host's disks need them" >&2
  exit 1
fi

WORK="$(mktemp -d /var/tmp/homelab-hosts.XXXXXX)"
declare -a HOLDERS=() SLIRPS=() LOOPS=()
cleanup() {
  set +e
  local pid loop
  # unshare --kill-child takes the namespace's init along, and with it whatever the play started
  # (PostgreSQL); the init of a PID namespace ignores every signal but SIGKILL.
  for pid in "${HOLDERS[@]}" "${SLIRPS[@]}"; do
    kill -KILL "$pid" 2>/dev/null
  done
  wait 2>/dev/null
  # Innermost first; the private namespace drops whatever is left when this process ends.
  findmnt -rn -o TARGET | grep -F "$WORK/" | sort -r | while read -r mnt; do
    umount -l "$mnt" 2>/dev/null
  done
  for loop in "${LOOPS[@]}"; do
    btrfs device scan --forget "$loop" >/dev/null 2>&1 # the kernel's list of Btrfs devices
    losetup -d "$loop" 2>/dev/null
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- the Debian mirror this machine's apt uses (the chroots use it too)
mirror() {
  if [ -n "${HOMELAB_CI_DEBIAN_MIRROR:-}" ]; then
    echo "$HOMELAB_CI_DEBIAN_MIRROR"
    return
  fi
  local uri
  uri="$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -v -- '-security' | head -n 1 || true)"
  if [ -z "$uri" ]; then
    uri="$(awk '$1 == "deb" && $3 ~ /^'"$RELEASE"'$/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)"
  fi
  if [ -z "$uri" ]; then
    echo "hosts: no Debian mirror in /etc/apt/sources.list*; set HOMELAB_CI_DEBIAN_MIRROR" >&2
    exit 1
  fi
  echo "$uri"
}

# --- the base root filesystem, cached per month (packages the play installs are cached apart)
mkdir -p "$CACHE/apt-archives"
KEY="$(printf '%s %s %s' "$RELEASE" "$INCLUDE" "$(date +%Y-%m)" | sha256sum | cut -c1-12)"
ROOTFS="$CACHE/debian-$RELEASE-$(dpkg --print-architecture)-$KEY.tar"
if [ ! -f "$ROOTFS" ]; then
  MIRROR="$(mirror)"
  log "debootstrap $RELEASE from $MIRROR (cached in $ROOTFS)"
  rm -f "$CACHE"/debian-"$RELEASE"-*.tar
  mkdir -p "$CACHE/apt-archives/debootstrap"
  debootstrap --variant=minbase --include="$INCLUDE" --cache-dir="$CACHE/apt-archives/debootstrap" \
    "$RELEASE" "$WORK/base" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
    || { tail -n 30 "$WORK/debootstrap.log"; exit 1; }
  # A fresh Raspberry Pi OS host: the default name, and no daemon started by a package's
  # maintainer script (nothing is booted here; the play itself decides what starts).
  echo raspberrypi >"$WORK/base/etc/hostname"
  printf '127.0.0.1\tlocalhost\n127.0.1.1\traspberrypi\n' >"$WORK/base/etc/hosts"
  printf '#!/bin/sh\n# chroot test: maintainer scripts start no daemon\nexit 101\n' >"$WORK/base/usr/sbin/policy-rc.d"
  chmod 0755 "$WORK/base/usr/sbin/policy-rc.d"
  rm -f "$WORK"/base/var/cache/apt/archives/*.deb
  tar -C "$WORK/base" -cf "$ROOTFS.tmp" . && mv "$ROOTFS.tmp" "$ROOTFS"
  rm -rf "$WORK/base"
  log "root filesystem built in $(elapsed)"
fi

# --- the hosts: one per distinct set of inventory groups
mapfile -t SETS < <(python3 "$HELPER" hosts "$ANSIBLE_DIR")
HOSTS=()
for line in "${SETS[@]}"; do
  HOSTS+=("${line%% *}")
  log "host ${line%% *} stands for the groups ${line#* }"
done

# A block device node in the host's own /dev for loop device $1 at /dev path $2 (by-id, by-label...).
dev_link() {
  local root="$1" loop="$2" path="$3" minor
  minor="$(stat -c '%T' "$loop")"
  [ -e "$root$loop" ] || mknod -m 0660 "$root$loop" b 7 "$((16#$minor))"
  mkdir -p "$(dirname "$root$path")"
  if [ "$path" != "$loop" ]; then
    ln -sfn "$loop" "$root$path"
  fi
}

new_loop() {
  local file="$WORK/disks/$1.img" loop
  mkdir -p "$WORK/disks"
  truncate -s 320M "$file"
  loop="$(losetup -f --show "$file")"
  LOOPS+=("$loop")
  echo "$loop"
}

# The disks of the model for host $1: blank loop devices where the play formats, labelled
# filesystems where the user formats them (README.md, Disks).
make_disks() {
  local host="$1" root="$2" kind n=0 loop fs label uuid devices dev loops
  while read -r kind rest; do
    n=$((n + 1))
    if [ "$kind" = blank ]; then
      loop="$(new_loop "$host-$n")"
      dev_link "$root" "$loop" "$rest"
      log "$host: blank disk $rest on $loop"
      continue
    fi
    read -r fs label uuid devices <<<"$rest"
    loops=()
    for dev in $devices; do
      loops+=("$(new_loop "$host-$n-${#loops[@]}")")
    done
    local uuid_opt=()
    [ "$uuid" = - ] || uuid_opt=(-U "$uuid")
    if [ "$fs" = btrfs ]; then
      mkfs.btrfs -q -L "$label" "${uuid_opt[@]}" -d raid1 -m raid1 "${loops[@]}" >/dev/null
    else
      mkfs.ext4 -q -L "$label" "${uuid_opt[@]}" "${loops[0]}"
    fi
    local i=0
    for dev in $devices; do
      dev_link "$root" "${loops[$i]}" "$dev"
      i=$((i + 1))
    done
    log "$host: $fs disk $label on ${loops[*]}"
  done < <(python3 "$HELPER" disks "$ANSIBLE_DIR" "$host")
}

declare -A NSPID=()
# The host's root: the cached base, its own /dev, /run and /dev/shm, the shared package cache,
# and a holder process owning its network, UTS, IPC and PID namespaces (proc and sys are mounted
# from inside them, so they show the host's own view).
make_host() {
  local host="$1" root="$WORK/root-$1" holder pid
  mkdir -p "$root"
  tar -C "$root" -xf "$ROOTFS"
  mount -t tmpfs -o mode=0755,size=16M "dev-$host" "$root/dev"
  # btrfs-control: mkfs.btrfs and mount register a Btrfs RAID-1 pair's devices with the kernel
  # through it (udev's job on a host).
  for node in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0 btrfs-control:10:234; do
    IFS=: read -r name major minor <<<"$node"
    mknod -m 0666 "$root/dev/$name" c "$major" "$minor"
  done
  mkdir -p "$root/dev/pts" "$root/dev/shm"
  mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts"
  ln -s pts/ptmx "$root/dev/ptmx"
  mount -t tmpfs -o mode=1777 shm "$root/dev/shm"
  ln -s /proc/self/fd "$root/dev/fd"
  ln -s /proc/self/fd/0 "$root/dev/stdin"
  ln -s /proc/self/fd/1 "$root/dev/stdout"
  ln -s /proc/self/fd/2 "$root/dev/stderr"
  mount -t tmpfs -o mode=0755 run "$root/run"
  # One package cache per host: apt refuses to share one (its lock), and the hosts run in parallel.
  mkdir -p "$CACHE/apt-archives/$host/partial"
  mount --bind "$CACHE/apt-archives/$host" "$root/var/cache/apt/archives"
  echo "nameserver 10.0.2.3" >"$root/etc/resolv.conf" # slirp4netns's DNS
  make_disks "$host" "$root"

  unshare --net --uts --ipc --pid --fork --kill-child -- sh -c \
    'mount -t proc proc "$1/proc" && mount -t sysfs -o ro sysfs "$1/sys" && hostname raspberrypi && exec sleep infinity' \
    sh "$root" &
  holder=$!
  HOLDERS+=("$holder")
  for _ in $(seq 50); do
    pid="$(cat "/proc/$holder/task/$holder/children" 2>/dev/null | awk '{print $1}')"
    [ -n "$pid" ] && [ -e "$root/proc/1" ] && [ -e "$root/sys/class" ] && break
    sleep 0.1
  done
  [ -n "$pid" ] || { echo "hosts: $host: its namespaces did not come up" >&2; exit 1; }
  NSPID[$host]="$pid"
  slirp4netns --configure --mtu=65520 --disable-host-loopback "$pid" tap0 >"$WORK/slirp-$host.log" 2>&1 &
  SLIRPS+=("$!")
  for _ in $(seq 50); do
    grep -q '^tap0[[:space:]]00000000' "/proc/$pid/net/route" 2>/dev/null && break
    sleep 0.1
  done
  grep -q '^tap0[[:space:]]00000000' "/proc/$pid/net/route" || { echo "hosts: $host: no network" >&2; exit 1; }

  # Ansible's chroot connection runs "<chroot_exe> <root> /bin/sh -c ...": enter the namespaces first.
  mkdir -p "$WORK/bin"
  cat >"$WORK/bin/chroot-$host" <<EOF
#!/bin/sh
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 LANG=C.UTF-8
exec nsenter --target $pid --net --uts --ipc --pid -- chroot "\$@"
EOF
  chmod 0755 "$WORK/bin/chroot-$host"
}

# Run a command in host $1's root and namespaces.
on() {
  local host="$1"
  shift
  "$WORK/bin/chroot-$host" "$WORK/root-$host" "$@"
}

for host in "${HOSTS[@]}"; do
  make_host "$host"
done
log "${#HOSTS[@]} root filesystems ready after $(elapsed)"

# Finding: the WireGuard role failed without lsb-release. The root has none, as a fresh host.
for host in "${HOSTS[@]}"; do
  if on "$host" dpkg-query -W -f='${Status}' lsb-release 2>/dev/null | grep -q 'ok installed'; then
    echo "hosts: $host: lsb-release is installed; the test needs a root without it" >&2
    exit 1
  fi
done

# --- the inventory on top of the rendered one: the chroot connection, and homelab_chroot
{
  echo "all:"
  echo "  vars:"
  echo "    ansible_connection: community.general.chroot"
  echo "    ansible_python_interpreter: /usr/bin/python3"
  echo "    homelab_chroot: true"
  echo "  hosts:"
  for host in "${HOSTS[@]}"; do
    echo "    $host:"
    echo "      ansible_host: $WORK/root-$host"
    echo "      ansible_chroot_exe: $WORK/bin/chroot-$host"
  done
} >"$WORK/chroots.yml"
python3 "$HELPER" vault "$ANSIBLE_DIR" "$WORK/vault.yml"
LIMIT="$(IFS=,; echo "${HOSTS[*]}")"

# ansible-playbook on the rendered directory; its JSON report in $WORK/$1.json.
playbook() {
  local name="$1"
  shift
  (cd "$ANSIBLE_DIR" && ANSIBLE_STDOUT_CALLBACK=ansible.posix.json ANSIBLE_NOCOLOR=1 \
    ANSIBLE_RETRY_FILES_ENABLED=false ANSIBLE_LOCALHOST_WARNING=false \
    ansible-playbook -i inventory.yml -i "$WORK/chroots.yml" --limit "${ONLY:-$LIMIT}" \
      -e "@$WORK/vault.yml" "$@" site.yml >"$WORK/$name.json" 2>"$WORK/$name.err") || true
  if ! python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/$name.json" 2>/dev/null; then
    echo "hosts: ansible-playbook ($name) wrote no report:" >&2
    tail -n 40 "$WORK/$name.err" "$WORK/$name.json" >&2
    exit 1
  fi
}

SYSCTL_BEFORE="$(sysctl -n net.ipv4.ip_forward)"
NAME_BEFORE="$(hostname)"

T=$SECONDS
playbook first
log "first run ($((SECONDS - T)) s):"
python3 "$HELPER" recap "$WORK/first.json" || { echo "hosts: the first run failed" >&2; exit 1; }

T=$SECONDS
playbook second
log "second run ($((SECONDS - T)) s):"
python3 "$HELPER" recap "$WORK/second.json" >"$WORK/second.recap" || { cat "$WORK/second.recap"; echo "hosts: the second run failed" >&2; exit 1; }
cat "$WORK/second.recap"
SECOND_CHANGED="$(sed -n 's/^changed=//p' "$WORK/second.recap")"
python3 "$HELPER" changed "$WORK/second.json"

# --- every file the roles write, checked with its own tool
FAILED=0
check() {
  local what="$1"
  shift
  if out="$("$@" 2>&1)"; then
    log "ok    $what"
  else
    log "FAIL  $what"
    printf '%s\n' "$out" | tail -n 20 | sed 's/^/        /'
    FAILED=1
  fi
}

python3 "$HELPER" coverage "$ANSIBLE_DIR" || FAILED=1
for host in "${HOSTS[@]}"; do
  root="$WORK/root-$host"
  check "$host: host name and /etc/hosts" on "$host" sh -c \
    "[ \"\$(cat /etc/hostname)\" = $host ] && getent hosts $host | grep -q '^127.0.1.1 '"
  check "$host: rsyslogd -N1" on "$host" rsyslogd -N1
  check "$host: findmnt --verify (fstab)" on "$host" findmnt --verify --tab-file /etc/fstab
  units=()
  for unit in "$root"/etc/systemd/system/homelab-*.service "$root"/etc/systemd/system/homelab-*.timer \
    "$root"/etc/systemd/system/restic-*.service "$root"/etc/systemd/system/restic-*.timer; do
    [ -e "$unit" ] && units+=("/etc/systemd/system/${unit##*/}")
  done
  [ -d "$root/etc/systemd/system/nfs-server.service.d" ] && units+=(nfs-server.service)
  [ -e "$root/etc/wireguard/wg0.conf" ] && units+=(wg-quick@wg0.service)
  if [ "${#units[@]}" -gt 0 ]; then
    check "$host: systemd-analyze verify ${units[*]##*/}" on "$host" sh -c \
      'out="$(systemd-analyze verify --man=no "$@" 2>&1)"; rc=$?; printf "%s\n" "$out"; [ $rc -eq 0 ] && ! printf "%s\n" "$out" | grep -q .' \
      sh "${units[@]}"
  fi
  if [ -e "$root/etc/btrbk/btrbk.conf" ]; then
    check "$host: btrbk -c /etc/btrbk/btrbk.conf config print" on "$host" btrbk -c /etc/btrbk/btrbk.conf config print
    # Finding: btrbk rejected the file (snapshot_name outside a subvolume section). validate:
    # keeps such a file out; this proves btrbk refuses it.
    printf 'volume /srv\n  snapshot_name x\n  subvolume .\n' >"$root/tmp/bad-btrbk.conf"
    check "$host: btrbk refuses snapshot_name in a volume section" on "$host" sh -c \
      '! btrbk -c /tmp/bad-btrbk.conf config print >/dev/null 2>&1'
  fi
  if [ -e "$root/etc/exports.d/homelab.exports" ]; then
    check "$host: exportfs -ra, every export listed" on "$host" sh -c \
      'exportfs -ra && for p in $(awk "!/^#/ && NF { print \$1 }" /etc/exports.d/homelab.exports); do exportfs -v | grep -q "^$p[[:space:]]" || { echo "not exported: $p"; exportfs -v; exit 1; }; done'
  fi
  if [ -e "$root/etc/crowdsec/bouncers/crowdsec-firewall-bouncer.yaml.local" ]; then
    check "$host: bouncer configuration is YAML with api_url, api_key and mode" python3 -c \
      'import sys, yaml; c = yaml.safe_load(open(sys.argv[1])); assert all(c.get(k) for k in ("api_url", "api_key", "mode")), c.keys()' \
      "$root/etc/crowdsec/bouncers/crowdsec-firewall-bouncer.yaml.local"
  fi
  for env in "$root"/etc/restic/*.env; do
    [ -e "$env" ] || continue
    name="${env##*/}"
    name="${name%.env}"
    check "$host: restic cat config with /etc/restic/$name.env" on "$host" bash -c \
      "set -a; . /etc/restic/$name.env; restic cat config >/dev/null"
    check "$host: bash -n homelab-restic-$name" on "$host" bash -n "/usr/local/sbin/homelab-restic-$name"
  done
  if [ -e "$root/usr/local/sbin/homelab-pg-dump-s3" ]; then
    check "$host: bash -n homelab-pg-dump-s3, pg-dump-s3.env" on "$host" sh -c \
      'bash -n /usr/local/sbin/homelab-pg-dump-s3 && bash -n /etc/homelab/pg-dump-s3.env'
  fi
  if [ -d "$root/etc/postgresql" ]; then
    check "$host: pg_hba_file_rules and pg_file_settings have no error" on "$host" sudo -u postgres sh -c \
      'n="$(psql -XtAc "SELECT (SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL) + (SELECT count(*) FROM pg_file_settings WHERE error IS NOT NULL)")"; [ "$n" = 0 ] || { psql -Xc "TABLE pg_hba_file_rules" -c "TABLE pg_file_settings"; exit 1; }'
  fi
  if [ -e "$root/etc/sysctl.d/90-wireguard.conf" ]; then
    check "$host: net.ipv4.ip_forward is 1 in the host's network namespace" on "$host" sh -c \
      '[ "$(sysctl -n net.ipv4.ip_forward)" = 1 ]'
  fi
  if [ -e "$root/etc/wireguard/wg0.conf" ]; then
    check "$host: wg-quick strip wg0" on "$host" wg-quick strip wg0
    check "$host: wg pubkey of wg0.key" on "$host" sh -c 'wg pubkey </etc/wireguard/wg0.key | grep -q .'
    # PostUp/PostDown, but for the key (no WireGuard interface without the kernel module): the
    # rules go in and come out again, in the host's own network namespace.
    check "$host: wg0's PostUp then PostDown commands (iptables)" on "$host" bash -c '
      set -e
      rules() { sed -n "s/^$1[[:space:]]*=[[:space:]]*//p" /etc/wireguard/wg0.conf | grep -v "^wg set" | sed "s/%i/wg0/g"; }
      before="$(iptables-save | grep -c "^-A" || true)"
      while read -r cmd; do eval "$cmd"; done < <(rules PostUp)
      during="$(iptables-save | grep -c "^-A" || true)"
      while read -r cmd; do eval "$cmd"; done < <(rules PostDown)
      after="$(iptables-save | grep -c "^-A" || true)"
      echo "rules: $before, $during after PostUp, $after after PostDown"
      [ "$during" -gt "$before" ] && [ "$after" = "$before" ]'
  fi
  # nft -c -f for an nftables file a role writes: none does today (the bouncer builds its own
  # tables at run time), so any *.nft below /etc is checked.
  for nft in $(cd "$root" && find etc -name '*.nft' 2>/dev/null); do
    check "$host: nft -c -f /$nft" on "$host" nft -c -f "/$nft"
  done
done
[ "$(sysctl -n net.ipv4.ip_forward)" = "$SYSCTL_BEFORE" ] || { log "FAIL  this machine's ip_forward changed"; FAILED=1; }
[ "$(hostname)" = "$NAME_BEFORE" ] || { log "FAIL  this machine's host name changed"; FAILED=1; }

# --- findings of the first real run, each checked again
for host in "${HOSTS[@]}"; do
  root="$WORK/root-$host"
  if [ -d "$root/etc/postgresql" ]; then
    # A changed vault password must report changed (ALTER ROLE with changed_when: false did not)
    # and let the role log in with it; an unchanged one reports nothing (the second run).
    python3 "$HELPER" vault "$ANSIBLE_DIR" "$WORK/vault2.yml" ci2
    cp "$WORK/vault.yml" "$WORK/vault1.yml"
    cp "$WORK/vault2.yml" "$WORK/vault.yml"
    ONLY="$host" playbook password --tags postgres
    cp "$WORK/vault1.yml" "$WORK/vault.yml"
    if python3 "$HELPER" changed "$WORK/password.json" | grep -q 'Create the owner role'; then
      log "ok    $host: a new vault password reports changed"
    else
      log "FAIL  $host: a new vault password did not report changed"
      python3 "$HELPER" recap "$WORK/password.json" || true
      FAILED=1
    fi
    db="$(sed -n 's/^vault_postgres_[a-z0-9]*_\([a-z0-9_]*\)_password: .*/\1/p' "$WORK/vault2.yml" | head -n 1)"
    pass="$(sed -n "s/^vault_postgres_[a-z0-9]*_${db}_password: \"\\(.*\\)\"/\\1/p" "$WORK/vault2.yml")"
    check "$host: role $db logs in over TCP with the new password" on "$host" env PGPASSWORD="$pass" \
      psql -Xtc 'SELECT 1' "host=127.0.0.1 user=$db dbname=$db"
  fi
  mapfile -t kept < <(python3 "$HELPER" disks "$ANSIBLE_DIR" "$host" | awk '$1 == "fs" && $2 == "ext4" { print $3 }')
  if [ "${#kept[@]}" -gt 0 ]; then
    # A disk that is gone: fstab's nofail lets mount succeed without it, and the play must stop.
    label="${kept[0]}"
    point="$(on "$host" findmnt -rn -o TARGET -S "LABEL=$label")"
    loop="$(on "$host" findmnt -rn -o SOURCE "$point")"
    on "$host" umount "$point"
    losetup -d "$loop"
    rm -f "$root$loop"
    ONLY="$host" playbook missing --tags disks
    if python3 "$HELPER" failed-msg "$WORK/missing.json" | grep -q "Disk $label (ext4, LABEL=$label) is not mounted at $point"; then
      log "ok    $host: the play stops when disk $label is missing"
    else
      log "FAIL  $host: the play did not stop when disk $label was missing"
      python3 "$HELPER" recap "$WORK/missing.json" || true
      FAILED=1
    fi
  fi
done

log "took $(elapsed)"
if [ "$SECOND_CHANGED" = 0 ] && [ "$FAILED" = 0 ]; then
  echo "hosts: converged ${#HOSTS[@]} hosts, second run changed=0"
elif [ "$SECOND_CHANGED" != 0 ]; then
  echo "hosts: converged ${#HOSTS[@]} hosts, second run changed=$SECOND_CHANGED (above)"
  exit 1
else
  echo "hosts: converged ${#HOSTS[@]} hosts, second run changed=0, but a check failed (above)"
  exit 1
fi
