// The synthetic lab's per-app Kubernetes objects (homelab-bench SyntheticHomelab, k8s backend,
// folder k8s/apps/<app>/ plus the data namespace's allow-from-<app> policy), built with cdk8s
// and written one file per object: the peer the whole-process runner (homelab-bench/compare.sh)
// times against `homelab render`. Plain node, no build step:
//   NODE_PATH=<dir with cdk8s, cdk8s-plus-32, constructs> node synthetic.js <apps> <outdir> [l1|plus]
// "l1" builds every object as a cdk8s ApiObject (JSON as written); "plus" builds the workload,
// service, claim and policies with cdk8s-plus (its defaults differ in details; the object count and
// shape per app are the same).
'use strict';
const { App, Chart, ApiObject, YamlOutputType, Size } = require('cdk8s');

const apps = Number(process.argv[2]);
const outdir = process.argv[3];
const mode = process.argv[4] || 'l1';
if (!Number.isInteger(apps) || !outdir) {
  console.error('usage: node synthetic.js <apps> <outdir> [l1|plus]');
  process.exit(2);
}

// One cdk8s App per output folder (a file per object, named <Kind>.<name>.yaml), as the k8s backend
// writes k8s/apps/<app>/ and k8s/data/<service>/; every App is built first and synthesized at the end.
const folders = new Map();
const folder = (path) => {
  if (!folders.has(path)) {
    folders.set(path, new App({ outdir: outdir + '/' + path, yamlOutputType: YamlOutputType.FILE_PER_RESOURCE,
      outputFileExtension: '.yaml' }));
  }
  return folders.get(path);
};
const name = (i) => 'app' + String(i).padStart(5, '0');
const sel = (n) => ({ matchLabels: { 'app.kubernetes.io/name': n } });
const hardened = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true };
const podSecurity = {
  fsGroup: 1000, fsGroupChangePolicy: 'OnRootMismatch', runAsGroup: 1000, runAsNonRoot: true, runAsUser: 1000,
  seccompProfile: { type: 'RuntimeDefault' },
};

function policy(chart, id, ns, podName, from, port) {
  new ApiObject(chart, id, {
    apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: id.replace(/^networkpolicy-/, ''), namespace: ns },
    spec: {
      ingress: [{ from, ports: [{ port, protocol: 'TCP' }] }],
      podSelector: sel(podName), policyTypes: ['Ingress'],
    },
  });
}

function probe(host, extra) {
  return Object.assign({ httpGet: { httpHeaders: [{ name: 'Host', value: host }], path: '/', port: 'http' } }, extra);
}

function synthetic(i) {
  const n = name(i);
  const chart = new Chart(folder('apps/' + n), n, { namespace: n, disableResourceNameHashes: true });
  const labels = { 'app.kubernetes.io/name': n };
  const host = n + '.example.com';
  const routed = i % 3 !== 2;
  const volume = i % 2 === 0;
  const backup = i % 4 === 0;
  const metrics = i % 5 === 0;
  const files = [];
  const obj = (id, props) => { files.push(id); return new ApiObject(chart, id, props); };

  obj('namespace-' + n, {
    apiVersion: 'v1', kind: 'Namespace',
    metadata: {
      name: n,
      labels: Object.fromEntries(['audit', 'enforce', 'warn'].flatMap((m) => [
        ['pod-security.kubernetes.io/' + m, 'restricted'], ['pod-security.kubernetes.io/' + m + '-version', 'latest']])),
    },
  });
  let env; let init = [];
  if (i % 4 === 0) {
    const pw = { valueFrom: { secretKeyRef: { key: 'password', name: n + '-db' } } };
    const pg = 'postgres.postgres.svc.cluster.local';
    env = [{ name: 'DB_HOST', value: pg }, { name: 'DB_NAME', value: n }, { name: 'POSTGRES_DB', value: n },
      { name: 'POSTGRES_HOST', value: pg }, { name: 'POSTGRES_PORT', value: '5432' }, { name: 'POSTGRES_USER', value: n },
      Object.assign({ name: 'DB_PASSWORD' }, pw), Object.assign({ name: 'POSTGRES_PASSWORD' }, pw)];
    init = [{
      name: 'wait-for-postgres', image: 'docker.io/library/postgres:17.6',
      command: ['/bin/sh', '-c', "until psql --no-psqlrc --quiet --command 'SELECT 1' >/dev/null; do\n  echo \"waiting for database "
        + n + ' on postgres"; sleep 5\ndone\n'],
      env: [{ name: 'PGHOST', value: pg }, { name: 'PGUSER', value: n }, { name: 'PGDATABASE', value: n },
        { name: 'PGCONNECT_TIMEOUT', value: '5' }, Object.assign({ name: 'PGPASSWORD' }, pw)],
      resources: { limits: { memory: '64Mi' }, requests: { cpu: '10m', memory: '16Mi' } }, securityContext: hardened,
    }];
  } else if (i % 4 === 1) {
    env = [{ name: 'REDIS_HOST', value: 'redis.redis.svc.cluster.local' },
      { name: 'REDIS_PASSWORD', valueFrom: { secretKeyRef: { key: 'password', name: 'redis' } } }];
  } else {
    env = [{ name: 'LOG_LEVEL', value: 'info' }];
  }
  const container = {
    name: n, image: 'ghcr.io/example/' + n + ':1.0.' + i, env,
    ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
    livenessProbe: probe(host, { failureThreshold: 6, initialDelaySeconds: 30, periodSeconds: 20 }),
    readinessProbe: probe(host, { failureThreshold: 3, periodSeconds: 10 }),
    startupProbe: probe(host, { failureThreshold: 30, periodSeconds: 10 }),
    resources: { limits: { memory: '512Mi' }, requests: { cpu: '50m', memory: '128Mi' } },
    securityContext: hardened,
  };
  if (volume) container.volumeMounts = [{ mountPath: '/data', name: 'data' }];

  if (mode === 'plus') {
    plus(chart, n, i, container, init, volume, files);
  } else {
    obj('deployment-' + n, {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { labels, name: n, namespace: n },
      spec: {
        replicas: 1, selector: sel(n), strategy: { type: volume ? 'Recreate' : 'RollingUpdate' },
        template: {
          metadata: { labels },
          spec: Object.assign({ automountServiceAccountToken: false, containers: [container] },
            init.length ? { initContainers: init } : {}, { securityContext: podSecurity },
            volume ? { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } : {}),
        },
      },
    });
    obj('service-' + n, {
      apiVersion: 'v1', kind: 'Service', metadata: { labels, name: n, namespace: n },
      spec: { ports: [{ name: 'http', port: 8080, targetPort: 'http' }], selector: labels },
    });
    if (volume) {
      obj('persistentvolumeclaim-data', {
        apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { labels, name: 'data', namespace: n },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'nfs-data' },
      });
    }
    files.push('networkpolicy-default-deny');
    new ApiObject(chart, 'networkpolicy-default-deny', {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: n },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });
    files.push('networkpolicy-allow-same-namespace');
    new ApiObject(chart, 'networkpolicy-allow-same-namespace', {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'allow-same-namespace', namespace: n },
      spec: { ingress: [{ from: [{ podSelector: {} }] }], podSelector: {}, policyTypes: ['Ingress'] },
    });
    if (routed) {
      files.push('networkpolicy-allow-from-traefik');
      policy(chart, 'networkpolicy-allow-from-traefik', n, n,
        [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'traefik' } }, podSelector: sel('traefik') }], 8080);
    }
    if (metrics) {
      files.push('networkpolicy-allow-from-monitoring');
      policy(chart, 'networkpolicy-allow-from-monitoring', n, n,
        [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }, podSelector: sel('prometheus') }], 8080);
    }
  }
  if (routed) {
    obj('ingressroute-' + n, {
      apiVersion: 'traefik.io/v1alpha1', kind: 'IngressRoute', metadata: { name: n, namespace: n },
      spec: {
        entryPoints: [i % 3 === 0 ? 'websecure' : 'websecure-internal'],
        routes: [{ kind: 'Rule', match: 'Host(`' + host + '`)', middlewares: [{ name: 'security-headers', namespace: 'traefik' }],
          services: [{ name: n, port: 8080 }] }],
        tls: {},
      },
    });
  }
  if (metrics) {
    obj('servicemonitor-' + n, {
      apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor',
      metadata: { labels: { release: 'kube-prometheus-stack' }, name: n, namespace: n },
      spec: { endpoints: [{ path: '/metrics', port: 'http' }], selector: sel(n) },
    });
  }
  if (backup) {
    obj('cronjob-backup-offsite', backupJob(n));
  }
  if (i % 4 < 2) {
    const data = i % 4 === 0 ? ['postgres', 5432] : ['redis', 6379];
    const other = new Chart(folder('data/' + data[0]), data[0] + '-' + n, { namespace: data[0], disableResourceNameHashes: true });
    policy(other, 'allow-from-' + n, data[0], data[0],
      [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': n } } }], data[1]);
  }
  obj('kustomization', {
    apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization',
    resources: files.filter((f) => f !== 'kustomization').sort().map((f) => f + '.yaml'),
  });
}

function backupJob(n) {
  const labels = { 'app.kubernetes.io/component': 'backup', 'app.kubernetes.io/name': n + '-backup' };
  const key = (k) => ({ secretKeyRef: { key: k, name: 's3-offsite-' + n } });
  return {
    apiVersion: 'batch/v1', kind: 'CronJob',
    metadata: {
      annotations: { 'homelab.dev/s3-key-scope': 's3-offsite-' + n + '=synthetic-backups/synthetic/apps/' + n + '/' },
      labels, name: 'backup-offsite', namespace: n,
    },
    spec: {
      concurrencyPolicy: 'Forbid', failedJobsHistoryLimit: 3, schedule: '0 3 * * *', successfulJobsHistoryLimit: 3, timeZone: 'Etc/UTC',
      jobTemplate: { spec: { backoffLimit: 2, template: { metadata: { labels }, spec: {
        affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{
          podAffinityTerm: { labelSelector: sel(n), topologyKey: 'kubernetes.io/hostname' }, weight: 100 }] } },
        automountServiceAccountToken: false,
        containers: [{
          name: 'restic', image: 'docker.io/restic/restic:0.18.0',
          command: ['/bin/sh', '-c', 'set -eu\nrestic cat config >/dev/null 2>&1 || restic init\nrestic backup --host ' + n
            + ' /backup\nrestic forget --host ' + n + ' --prune --keep-daily 30\n'],
          env: [{ name: 'RESTIC_REPOSITORY', value: 's3:https://s3.example.com/synthetic-backups/synthetic/apps/' + n },
            { name: 'RESTIC_PASSWORD', valueFrom: { secretKeyRef: { key: 'password', name: 'restic-offsite' } } },
            { name: 'AWS_ACCESS_KEY_ID', valueFrom: key('access-key-id') },
            { name: 'AWS_SECRET_ACCESS_KEY', valueFrom: key('secret-access-key') },
            { name: 'AWS_DEFAULT_REGION', value: 'eu-central-1' }, { name: 'RESTIC_CACHE_DIR', value: '/cache' }],
          resources: { limits: { memory: '1Gi' }, requests: { cpu: '100m', memory: '256Mi' } },
          securityContext: hardened,
          volumeMounts: [{ mountPath: '/backup/data', name: 'data', readOnly: true }, { mountPath: '/cache', name: 'restic-cache' }],
        }],
        restartPolicy: 'OnFailure', securityContext: podSecurity,
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }, { emptyDir: {}, name: 'restic-cache' }],
      } } } },
    },
  };
}

// cdk8s-plus: the workload, service, claim and policies as its constructs (loaded only in this mode).
function plus(chart, n, i, container, init, volume, files) {
  const kplus = require('cdk8s-plus-32');
  const claim = volume ? new kplus.PersistentVolumeClaim(chart, 'persistentvolumeclaim-data', {
    metadata: { name: 'data' }, accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE],
    storage: Size.gibibytes(1), storageClassName: 'nfs-data',
  }) : null;
  const deployment = new kplus.Deployment(chart, 'deployment-' + n, {
    metadata: { name: n }, replicas: 1, automountServiceAccountToken: false,
    strategy: volume ? kplus.DeploymentStrategy.recreate() : kplus.DeploymentStrategy.rollingUpdate(),
    securityContext: { fsGroup: 1000, user: 1000, group: 1000, ensureNonRoot: true },
    isolate: true,
  });
  const probe = kplus.Probe.fromHttpGet('/', { port: 8080 });
  const c = deployment.addContainer({
    name: n, image: container.image, portNumber: 8080,
    envVariables: Object.fromEntries(container.env.filter((e) => e.value).map((e) => [e.name, kplus.EnvValue.fromValue(e.value)])),
    liveness: probe, readiness: probe, startup: probe,
    resources: { memory: { request: Size.mebibytes(128), limit: Size.mebibytes(512) }, cpu: { request: kplus.Cpu.millis(50) } },
    securityContext: { allowPrivilegeEscalation: false, ensureNonRoot: true },
  });
  if (claim) c.mount('/data', kplus.Volume.fromPersistentVolumeClaim(chart, 'data', claim));
  for (const ic of init) {
    deployment.addInitContainer({ name: ic.name, image: ic.image, command: ic.command,
      resources: { memory: { request: Size.mebibytes(16), limit: Size.mebibytes(64) }, cpu: { request: kplus.Cpu.millis(10) } } });
  }
  deployment.exposeViaService({ name: n, ports: [{ port: 8080, targetPort: 8080 }] });
  files.push('deployment-' + n, 'service-' + n, 'networkpolicy-default-deny', 'networkpolicy-allow-same-namespace');
  if (volume) files.push('persistentvolumeclaim-data');
  new kplus.NetworkPolicy(chart, 'networkpolicy-default-deny', {
    metadata: { name: 'default-deny' }, selector: kplus.Pods.all(chart, 'all-pods'),
    ingress: { default: kplus.NetworkPolicyTrafficDefault.DENY },
  });
  const same = new kplus.NetworkPolicy(chart, 'networkpolicy-allow-same-namespace', {
    metadata: { name: 'allow-same-namespace' }, selector: kplus.Pods.all(chart, 'all-pods-same'),
  });
  same.addIngressRule(kplus.Pods.all(chart, 'from-all-pods'));
  const from = (id, ns, pod) => {
    files.push(id);
    const p = new kplus.NetworkPolicy(chart, id, { metadata: { name: id.replace('networkpolicy-', '') }, selector: deployment });
    p.addIngressRule(kplus.Pods.select(chart, id + '-peer', {
      labels: { 'app.kubernetes.io/name': pod }, namespaces: kplus.Namespaces.select(chart, id + '-ns', { names: [ns] }) }),
    [kplus.NetworkPolicyPort.tcp(8080)]);
  };
  if (i % 3 !== 2) from('networkpolicy-allow-from-traefik', 'traefik', 'traefik');
  if (i % 5 === 0) from('networkpolicy-allow-from-monitoring', 'monitoring', 'prometheus');
}

for (let i = 0; i < apps; i++) {
  synthetic(i);
}
for (const a of folders.values()) {
  a.synth();
}
