#!/bin/sh
# Rendered by the homelab DSL. Run between two `kubectl apply -k` of this folder (README.md):
# waits until the CRDs the charts install exist and are established, and until the admission
# webhooks that validate the custom resources are rolled out and answer. Needs kubectl 1.31 or later.
set -eu
crds="crd/certificates.cert-manager.io
  crd/clusterissuers.cert-manager.io
  crd/ingressroutes.traefik.io
  crd/ipaddresspools.metallb.io
  crd/l2advertisements.metallb.io
  crd/middlewares.traefik.io
  crd/plans.upgrade.cattle.io
  crd/prometheusrules.monitoring.coreos.com
  crd/scrapeconfigs.monitoring.coreos.com
  crd/servicemonitors.monitoring.coreos.com
  crd/tlsstores.traefik.io"
kubectl wait --for=create --timeout=10m $crds
kubectl wait --for=condition=Established --timeout=10m $crds
kubectl -n cert-manager wait --for=create --timeout=10m deploy/cert-manager-webhook
kubectl -n cert-manager rollout status --timeout=10m deploy/cert-manager-webhook
kubectl -n metallb-system wait --for=create --timeout=10m deploy/metallb-controller
kubectl -n metallb-system rollout status --timeout=10m deploy/metallb-controller
kubectl -n monitoring wait --for=create --timeout=10m deploy/kube-prometheus-stack-operator
kubectl -n monitoring rollout status --timeout=10m deploy/kube-prometheus-stack-operator
tries=0
until out=$(kubectl apply --server-side --field-manager=homelab-deploy --dry-run=server -k "$(dirname "$0")" 2>&1); do
  tries=$((tries + 1))
  if [ "$tries" -ge 30 ]; then printf '%s\n' "$out" >&2; exit 1; fi
  sleep 10
done
