/**
 * The table of bad specs: each must be rejected with exactly these errors (JSON path and
 * message), and nothing else.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSpecInvalid, type ErrorDetail } from '../errors.js';
import { validateApplication } from './validate.js';

type Spec = Record<string, any>;
const web = (extra: Spec = {}): Spec => ({ name: 'web', type: 'webservice', image: 'nginx:1.27', port: 8080, ...extra });
const app = (components: Spec[], extra: Spec = {}): Spec => ({ name: 'shop', namespace: 'shop', components, ...extra });
const withTraits = (traits: Spec): Spec => app([web({ traits })]);

/** [what is wrong, the spec, the errors: [path, message] (and the hint where one is promised)] */
const BAD: [string, Spec, [string, string, string?][]][] = [
  ['application name not a DNS label', { ...app([web()]), name: 'My_Shop' }, [['$.name', 'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit']]],
  ['namespace in capitals', { ...app([web()]), namespace: 'Prod' }, [['$.namespace', 'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit']]],
  ['no components at all', { name: 'shop' }, [['$.components', 'Invalid input: expected array, received undefined']]],
  ['an empty component list', app([]), [['$.components', 'an application needs at least one component']]],
  ['a field the spec does not have', { ...app([web()]), owner: 'me' }, [['$', 'Unrecognized key: "owner"']]],
  ['a component name with an underscore', app([web({ name: 'web_1' })]), [['$.components[0].name', 'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit']]],
  ['a component without a type', app([{ name: 'web', image: 'x' }]), [['$.components[0].type', "a component type is required (`type`, or the seed's `componentType`)"]]],
  ['an unknown component type', app([web({ type: 'lambda' })]), [['$.components[0].type', 'unknown component type "lambda"', 'known types: webservice, worker, store, job, config, secret, gateway']]],
  ['a misspelt component field', app([web({ replica: 2 })]), [['$.components[0]', 'Unrecognized key: "replica"']]],
  ['a web service without an image', app([web({ image: undefined })]), [['$.components[0].image', 'a webservice component needs an image', 'e.g. image: "nginx:1.27"']]],
  ['a config with an image', app([{ name: 'cfg', type: 'config', image: 'x' }]), [['$.components[0].image', 'a config component runs no container, so it takes no image', 'remove image']]],
  ['a port out of range', app([web({ port: 70000 })]), [['$.components[0].port', 'must be a port from 1 to 65535']]],
  ['a port of zero in ports', app([web({ port: undefined, ports: [{ port: 0 }] })]), [['$.components[0].ports[0].port', 'must be a port from 1 to 65535']]],
  ['negative replicas', app([web({ replicas: -1 })]), [['$.components[0].replicas', 'Too small: expected number to be >=0']]],
  ['an env var a shell cannot read', app([web({ env: { 'MY-VAR': 'x' } })]), [['$.components[0].env["MY-VAR"]', 'must be a shell-readable name: letters, digits and "_", not starting with a digit']]],
  ['duplicate component names', app([web(), web()]), [['$.components[1].name', 'duplicate component name "web" (also $.components[0])', 'component names must be unique within an application']]],
  ['dependsOn an unknown component', app([web({ dependsOn: ['db'] })]), [['$.components[0].dependsOn[0]', 'unknown component "db"', 'components of this application: web']]],
  ['dependsOn itself', app([web({ dependsOn: ['web'] })]), [['$.components[0].dependsOn[0]', 'component "web" depends on itself']]],
  [
    'a dependency cycle',
    app([web({ dependsOn: ['api'] }), web({ name: 'api', dependsOn: ['db'] }), { name: 'db', type: 'worker', image: 'redis', dependsOn: ['web'] }]),
    [['$.components[0].dependsOn', 'dependency cycle: web -> api -> db -> web', 'remove one of these dependsOn entries']],
  ],
  ['an unknown trait', withTraits({ autoscale: { min: 1 } }), [['$.components[0].traits.autoscale', 'unknown trait "autoscale"', 'known traits: storage, init, sidecar, envFrom, envs, resources, probes, ingress, rbac, serviceAccount']]],
  ['a trait on a component without a workload', app([{ name: 'cfg', type: 'config', traits: { resources: { cpu: '1' } } }]), [['$.components[0].traits.resources', 'the resources trait does not apply to a config component']]],
  ['a bare number as a storage size', withTraits({ storage: [{ type: 'persistent', mountPath: '/data', size: '20' }] }), [['$.components[0].traits.storage[0].size', 'a bare number is bytes; write a unit, e.g. "20Gi"']]],
  ['a storage size that is no quantity', withTraits({ storage: [{ type: 'persistent', mountPath: '/data', size: 'lots' }] }), [['$.components[0].traits.storage[0].size', 'must be a size such as 512Mi or 20Gi']]],
  ['a relative mount path', withTraits({ storage: [{ type: 'ephemeral', mountPath: 'tmp' }] }), [['$.components[0].traits.storage[0].mountPath', 'must be an absolute path, e.g. /data']]],
  ['an unknown storage type', withTraits({ storage: [{ type: 'nfs', mountPath: '/x' }] }), [['$.components[0].traits.storage[0].type', 'type must be one of persistent, ephemeral, host-mounted, config, secret']]],
  [
    'two volumes on one mount path',
    withTraits({ storage: [{ type: 'ephemeral', mountPath: '/cache' }, { type: 'ephemeral', mountPath: '/cache' }] }),
    [['$.components[0].traits.storage[1].mountPath', 'mount path "/cache" is already used by storage[0]']],
  ],
  [
    'two volumes with one name',
    withTraits({ storage: [{ name: 'data', type: 'ephemeral', mountPath: '/a' }, { name: 'data', type: 'ephemeral', mountPath: '/b' }] }),
    [['$.components[0].traits.storage[1].name', 'volume name "data" is already used by storage[0]']],
  ],
  [
    'host-mounted storage without the policy',
    withTraits({ storage: [{ type: 'host-mounted', mountPath: '/host', hostPath: '/var/log' }] }),
    [['$.components[0].traits.storage[0].type', "host-mounted storage gives the pod the node's files and is denied by default", 'set policies.allowHostPath: true if this application really needs it (the platform policy must allow hostPath for its namespace too)']],
  ],
  ['an env name starting with a digit', withTraits({ envs: [{ name: '1ST', value: 'x' }] }), [['$.components[0].traits.envs[0].name', 'must be a shell-readable name: letters, digits and "_", not starting with a digit']]],
  ['an env with both value and valueFrom', withTraits({ envs: [{ name: 'A', value: 'x', valueFrom: { field: 'metadata.name' } }] }), [['$.components[0].traits.envs[0]', 'give either value or valueFrom, not both or neither']]],
  ['an env from an unknown pod field', withTraits({ envs: [{ name: 'A', valueFrom: { field: 'spec.containers' } }] }), [['$.components[0].traits.envs[0].valueFrom', 'valueFrom takes exactly one of secret {name, key}, config {name, key} or field']]],
  ['a duplicate env name', withTraits({ envs: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] }), [['$.components[0].traits.envs[1].name', 'duplicate environment variable "A"']]],
  ['envFrom of an unknown source type', withTraits({ envFrom: [{ type: 'vault', sourceName: 'x' }] }), [['$.components[0].traits.envFrom[0].type', 'Invalid option: expected one of "config"|"secret"']]],
  ['zero GPUs', withTraits({ resources: { gpu: 0 } }), [['$.components[0].traits.resources.gpu', 'must be a whole number of GPUs, at least 1']]],
  ['a CPU that is no quantity', withTraits({ resources: { cpu: 'fast' } }), [['$.components[0].traits.resources.cpu', 'must be a Kubernetes quantity such as 500m, 2, 512Mi or 1.5Gi']]],
  ['secret data that is not base64', app([{ name: 'db', type: 'secret', properties: { data: { password: 'hunter2!' } } }]), [['$.components[0].properties.data.password', 'must be base64; put plain text under stringData instead']]],
  ['a probe with two handlers', withTraits({ probes: { readiness: { exec: { command: ['true'] }, tcpSocket: { port: 80 } } } }), [['$.components[0].traits.probes.readiness', 'a probe takes exactly one of exec {command}, httpGet {path, port} or tcpSocket {port}']]],
  [
    'a sidecar mounting a volume that is not declared',
    withTraits({ sidecar: [{ name: 'shipper', image: 'fluent-bit', mounts: [{ volume: 'logs', mountPath: '/logs' }] }] }),
    [['$.components[0].traits.sidecar[0].mounts[0].volume', 'no volume "logs" in this component\'s storage trait', 'declare it under traits.storage']],
  ],
  ['an init container named like the main one', withTraits({ init: [{ name: 'web', image: 'busybox' }] }), [['$.components[0].traits.init[0].name', 'container name "web" is already used in this pod', 'give each container its own name']]],
  [
    'a gateway route to an unknown component',
    app([web(), { name: 'entry', type: 'gateway', properties: { routes: [{ path: '/', component: 'shop-web' }] } }]),
    [['$.components[1].properties.routes[0].component', 'unknown component "shop-web"', 'components of this application: web, entry']],
  ],
  [
    'a gateway route to a component without a Service',
    app([web(), { name: 'jobs', type: 'worker', image: 'w', port: 9000 }, { name: 'entry', type: 'gateway', properties: { routes: [{ component: 'jobs' }] } }]),
    [['$.components[2].properties.routes[0].component', 'component "jobs" has no Service to route to', 'route to a webservice or store component with a port']],
  ],
  [
    'a gateway route to a port the component does not have',
    app([web(), { name: 'entry', type: 'gateway', properties: { routes: [{ component: 'web', port: 'grpc' }] } }]),
    [['$.components[1].properties.routes[0].port', 'component "web" has no port "grpc"', 'its ports: http']],
  ],
  ['a gateway without routes', app([web(), { name: 'entry', type: 'gateway', properties: { routes: [] } }]), [['$.components[1].properties.routes', 'a gateway needs at least one route']]],
  ['an ingress on a worker', app([{ name: 'jobs', type: 'worker', image: 'w', port: 9000, traits: { ingress: { host: 'jobs.example.com' } } }]), [['$.components[0].traits.ingress', 'component "jobs" has no Service to route to', 'route to a webservice or store component with a port']]],
  ['an ingress with TLS but no host', withTraits({ ingress: { tls: { secretName: 'tls' } } }), [['$.components[0].traits.ingress.tls', 'TLS needs a host']]],
  ['an RBAC rule with an unknown verb', withTraits({ rbac: { rules: [{ resources: ['configmaps'], verbs: ['read'] }] } }), [['$.components[0].traits.rbac.rules[0].verbs[0]', 'must be one of get, list, watch, create, update, patch, delete, deletecollection, *']]],
  ['both rbac and its alias serviceAccount', withTraits({ rbac: {}, serviceAccount: {} }), [['$.components[0].traits.serviceAccount', 'rbac and serviceAccount are the same trait', 'keep one of them']]],
  ['an unknown step type', app([web()], { workflow: { steps: [{ name: 'go', type: 'ship', components: ['web'] }] } }), [['$.workflow.steps[0].type', 'unknown step type "ship"', 'known step types: deploy, job, gpu-check, approval, apply, delete, webhook, barrier']]],
  ['a step on an unknown component', app([web()], { workflow: { steps: [{ name: 'go', type: 'deploy', components: ['api'] }] } }), [['$.workflow.steps[0].components[0]', 'unknown component "api"', 'components of this application: web']]],
  ['a job step on a web service', app([web()], { workflow: { steps: [{ name: 'go', type: 'job', components: ['web'] }] } }), [['$.workflow.steps[0].components[0]', 'a job step runs job components; "web" is a webservice']]],
  ['a deploy step without components', app([web()], { workflow: { steps: [{ name: 'go', type: 'deploy' }] } }), [['$.workflow.steps[0].components', 'a deploy step needs at least one component']]],
  ['an approval step with components', app([web()], { workflow: { steps: [{ name: 'ok', type: 'approval', components: ['web'] }] } }), [['$.workflow.steps[0].components', 'an approval step takes no components', 'remove components']]],
  [
    'a step depending on an unknown step',
    app([web()], { workflow: { steps: [{ name: 'go', type: 'deploy', components: ['web'], dependsOn: ['build'] }] } }),
    [['$.workflow.steps[0].dependsOn[0]', 'unknown step "build"', 'steps and groups: go']],
  ],
  [
    'two steps with one name',
    app([web()], { workflow: { steps: [{ name: 'go', type: 'deploy', components: ['web'] }, { name: 'grp', steps: [{ name: 'go', type: 'approval' }] }] } }),
    [['$.workflow.steps[1].steps[0].name', 'duplicate step name "go" (also $.workflow.steps[0])', 'step and group names must be unique']],
  ],
  [
    'a cycle between steps',
    app([web()], { workflow: { steps: [{ name: 'a', type: 'approval', dependsOn: ['b'] }, { name: 'b', type: 'approval', dependsOn: ['a'] }] } }),
    [['$.workflow.steps[0].dependsOn', 'dependency cycle: a -> b -> a', 'remove one of these dependsOn entries']],
  ],
  ['a webhook without a valid URL', app([web()], { workflow: { steps: [{ name: 'tell', type: 'webhook', properties: { url: 'hooks' } }] } }), [['$.workflow.steps[0].properties.url', 'must be an absolute http(s) URL']]],
  ['a step timeout that is no duration', app([web()], { workflow: { steps: [{ name: 'go', type: 'deploy', components: ['web'], timeout: '10' }] } }), [['$.workflow.steps[0].timeout', 'must be a duration such as 30s, 5m or 1h30m']]],
  [
    'an env from a Secret the application does not have',
    withTraits({ envs: [{ name: 'PASSWORD', valueFrom: { secret: { name: 'db-credentials', key: 'password' } } }] }),
    [['$.components[0].traits.envs[0].valueFrom.secret.name', 'unknown secret "db-credentials"', 'add a secret component named db-credentials, or list it under policies.external.secrets if it exists outside this application']],
  ],
  [
    'a config mount naming a secret component',
    app([web({ traits: { storage: [{ type: 'config', mountPath: '/etc/app', sourceName: 'creds' }] } }), { name: 'creds', type: 'secret', properties: { stringData: { a: 'b' } } }]),
    [['$.components[0].traits.storage[0].sourceName', '"creds" is a secret component, not a config']],
  ],
  [
    'an override matching an unknown component and type',
    app([web()], { policies: { overrides: [{ match: { components: ['api'], types: ['lambda'] }, imagePullPolicy: 'Always' }] } }),
    [
      ['$.policies.overrides[0].match.components[0]', 'unknown component "api"', 'components of this application: web'],
      ['$.policies.overrides[0].match.types[0]', 'unknown component type "lambda"', 'known types: webservice, worker, store, job, config, secret, gateway'],
    ],
  ],
  [
    'a restart policy for a web service',
    app([web()], { policies: { overrides: [{ restartPolicy: 'Never' }] } }),
    [['$.policies.overrides[0].restartPolicy', 'web must restart Always: only job components take restartPolicy Never', 'match only job components (match.types: [job])']],
  ],
  ['a property a web service does not have', app([web({ properties: { size: 3 } })]), [['$.components[0].properties', 'Unrecognized key: "size"']]],
  // what Kubernetes would refuse only at apply time
  [
    'a job name too long for its revision suffix',
    app([{ name: 'j'.repeat(55), type: 'job', image: 'migrate:1' }]),
    [['$.components[0].name', "a job component's name can be at most 54 characters (this one has 55)", 'its Job is named <name>-<8 characters of its revision> (9 more characters), and Kubernetes copies the Job name into a label value, which is at most 63 characters']],
  ],
  [
    'a store name too long for the revision-hash label',
    app([{ name: 's'.repeat(53), type: 'store', image: 'redis:7' }]),
    [['$.components[0].name', "a store component's name can be at most 52 characters (this one has 53)", 'Kubernetes labels each revision of a StatefulSet <name>-<hash> (up to 11 more characters), and a label value is at most 63 characters']],
  ],
  ['a web service name starting with a digit', app([web({ name: '1web' })]), [['$.components[0].name', '"1web" names a Service, so it must start with a letter (a DNS-1035 label)', 'rename the component: Kubernetes before 1.36 refuses Service names that start with a digit (1.36 relaxed it), so such a spec is not portable']]],
  ['a store name starting with a digit', app([{ name: '0db', type: 'store', image: 'redis:7', port: 6379 }]), [['$.components[0].name', '"0db" names a Service, so it must start with a letter (a DNS-1035 label)']]],
  ['the same component twice in one step', app([web()], { workflow: { steps: [{ name: 'go', type: 'deploy', components: ['web', 'web'] }] } }), [['$.workflow.steps[0].components[1]', 'component "web" is already in this step (components[0])', 'list each component once']]],
  [
    'an init container and a sidecar with one name',
    withTraits({ init: [{ name: 'setup', image: 'busybox' }], sidecar: [{ name: 'setup', image: 'fluent-bit' }] }),
    [['$.components[0].traits.sidecar[0].name', 'container name "setup" is already used in this pod', 'give each container its own name']],
  ],
  [
    'a sidecar mounting two volumes on one path',
    withTraits({
      storage: [{ name: 'a', type: 'ephemeral', mountPath: '/a' }, { name: 'b', type: 'ephemeral', mountPath: '/b' }],
      sidecar: [{ name: 'shipper', image: 'fluent-bit', mounts: [{ volume: 'a', mountPath: '/logs' }, { volume: 'b', mountPath: '/logs' }] }],
    }),
    [['$.components[0].traits.sidecar[0].mounts[1].mountPath', 'mount path "/logs" is already used by mounts[0]']],
  ],
  [
    'envFrom of an own config whose keys a shell cannot read',
    app([web({ traits: { envFrom: [{ type: 'config', sourceName: 'settings' }] } }), { name: 'settings', type: 'config', properties: { data: { 'api-url': 'x', LOG_LEVEL: 'info', 'app.properties': 'a=1' } } }]),
    [['$.components[0].traits.envFrom[0]', 'config "settings" has keys that are no shell-readable variable names: api-url, app.properties', 'rename them (letters, digits and "_", not starting with a digit), read them under names of your own with the envs trait, or mount the config as files with the storage trait']],
  ],
  [
    'envFrom of an own secret whose prefixed keys a shell cannot read',
    app([web({ traits: { envFrom: [{ type: 'secret', sourceName: 'db', prefix: 'DB_' }] } }), { name: 'db', type: 'secret', properties: { stringData: { '1st': 'x', 'pass-word': 'y' }, data: { 'user.name': 'eA==' } } }]),
    [['$.components[0].traits.envFrom[0]', 'secret "db" has keys that are no shell-readable variable names: pass-word, user.name']],
  ],
  ['a config key Kubernetes refuses', app([{ name: 'cfg', type: 'config', properties: { data: { 'a b': 'x' } } }]), [['$.components[0].properties.data["a b"]', 'must be a ConfigMap/Secret key: letters, digits, "-", "_" and "."']]],
  ['a label value with a space', { ...app([web()]), labels: { team: 'a b' } }, [['$.labels.team', 'must be a label value: at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit']]],
  ['a label value over 63 characters', { ...app([web()]), labels: { team: 't'.repeat(64) } }, [['$.labels.team', 'must be a label value: at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit']]],
  ['a label key with a space', { ...app([web()]), labels: { 'my team': 'a' } }, [['$.labels["my team"]', 'must be a label key: an optional DNS subdomain prefix and "/", then at most 63 letters, digits, "-", "_" and "."']]],
  ['an annotation key Kubernetes refuses', app([web({ annotations: { 'a/b/c': 'x' } })]), [['$.components[0].annotations["a/b/c"]', 'must be a label key: an optional DNS subdomain prefix and "/", then at most 63 letters, digits, "-", "_" and "."']]],
  // cross-element checks still run when one element of the list is invalid
  [
    'a duplicate mount path beside an invalid volume',
    withTraits({ storage: [{ type: 'ephemeral', mountPath: '/cache' }, { type: 'ephemeral', mountPath: '/cache' }, { type: 'persistent', mountPath: '/d', size: '20' }] }),
    [
      ['$.components[0].traits.storage[2].size', 'a bare number is bytes; write a unit, e.g. "20Gi"'],
      ['$.components[0].traits.storage[1].mountPath', 'mount path "/cache" is already used by storage[0]'],
    ],
  ],
  [
    'a duplicate env name beside an invalid env',
    withTraits({ envs: [{ name: 'A', value: '1' }, { name: '1B', value: '2' }, { name: 'A', value: '3' }] }),
    [
      ['$.components[0].traits.envs[1].name', 'must be a shell-readable name: letters, digits and "_", not starting with a digit'],
      ['$.components[0].traits.envs[2].name', 'duplicate environment variable "A"'],
    ],
  ],
  [
    'an unknown Secret beside an invalid env',
    withTraits({ envs: [{ name: '1ST', value: 'x' }, { name: 'PW', valueFrom: { secret: { name: 'db', key: 'p' } } }] }),
    [
      ['$.components[0].traits.envs[0].name', 'must be a shell-readable name: letters, digits and "_", not starting with a digit'],
      ['$.components[0].traits.envs[1].valueFrom.secret.name', 'unknown secret "db"'],
    ],
  ],
  [
    'host-mounted storage without the policy beside an invalid volume',
    withTraits({ storage: [{ type: 'persistent', mountPath: '/d', size: '20' }, { type: 'host-mounted', mountPath: '/host', hostPath: '/var/log' }] }),
    [
      ['$.components[0].traits.storage[0].size', 'a bare number is bytes; write a unit, e.g. "20Gi"'],
      ['$.components[0].traits.storage[1].type', "host-mounted storage gives the pod the node's files and is denied by default"],
    ],
  ],
];

function errorsOf(spec: Spec): ErrorDetail[] {
  try {
    validateApplication(spec);
  } catch (e) {
    assert.ok(isSpecInvalid(e), `expected SpecInvalidError, got ${String(e)}`);
    return [...e.details];
  }
  return assert.fail('expected the spec to be rejected');
}

describe('bad specs are rejected with exact errors', () => {
  it(`has at least 25 cases (has ${BAD.length})`, () => assert.ok(BAD.length >= 25));
  for (const [what, spec, expected] of BAD) {
    it(`rejects ${what}`, () => {
      const errors = errorsOf(spec);
      assert.deepEqual(
        errors.map((e) => [e.path, e.message]),
        expected.map(([path, message]) => [path, message]),
      );
      expected.forEach(([, , hint], i) => hint && assert.equal(errors[i]?.hint, hint));
    });
  }

  it('reports schema errors and cross-field problems of other parts in one answer', () => {
    const errors = errorsOf({
      name: 'Shop',
      namespace: 'shop',
      components: [
        web({ replica: 2 }),
        web({ name: 'api' }),
        web({ name: 'api', port: 70000 }),
        {
          name: 'worker',
          type: 'worker',
          image: 'w',
          replicas: -1,
          traits: {
            envs: [{ name: 'PW', valueFrom: { secret: { name: 'db', key: 'p' } } }],
            storage: [{ type: 'host-mounted', mountPath: '/h', hostPath: '/var/log' }, { type: 'ephemeral', mountPath: '/h' }],
          },
        },
      ],
      workflow: { steps: [{ name: 'go', type: 'deploy', components: ['web', 'web', 'worker'], timeout: '10' }] },
    });
    const expected = [
      ['$.name', 'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit'],
      ['$.components[0]', 'Unrecognized key: "replica"'],
      ['$.components[2].port', 'must be a port from 1 to 65535'],
      ['$.components[3].replicas', 'Too small: expected number to be >=0'],
      ['$.workflow.steps[0].timeout', 'must be a duration such as 30s, 5m or 1h30m'],
      ['$.components[2].name', 'duplicate component name "api" (also $.components[1])'],
      ['$.components[3].traits.envs[0].valueFrom.secret.name', 'unknown secret "db"'],
      ['$.components[3].traits.storage[0].type', "host-mounted storage gives the pod the node's files and is denied by default"],
      ['$.components[3].traits.storage[1].mountPath', 'mount path "/h" is already used by storage[0]'],
      ['$.workflow.steps[0].components[1]', 'component "web" is already in this step (components[0])'],
    ];
    const sorted = (list: string[][]) => [...list].sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
    assert.deepEqual(sorted(errors.map((e) => [e.path, e.message])), sorted(expected));
  });

  it('checks a component whose own shape is invalid for what did parse', () => {
    const errors = errorsOf(app([web({ replica: 2, traits: { storage: [{ type: 'host-mounted', mountPath: '/h', hostPath: '/var/log' }] } }), web()]));
    assert.deepEqual(errors.map((e) => e.path), ['$.components[0]', '$.components[0].traits.storage[0].type', '$.components[1].name']);
  });

  it('checks the components that parsed when the list holds something that is no component', () => {
    const errors = errorsOf(app(['web' as unknown as Spec, web({ dependsOn: ['db'] }), { type: 'worker', image: 'w' }]));
    assert.deepEqual(errors.map((e) => e.path), ['$.components[0]', '$.components[2].name', '$.components[1].dependsOn[0]']);
  });

  it('reports problems of the shape, of traits and of references together', () => {
    const errors = errorsOf({
      name: 'Bad',
      components: [web({ traits: { storage: [{ type: 'persistent', mountPath: '/d', size: '20' }] } }), web({ name: 'api', type: 'nope' })],
    });
    assert.deepEqual(errors.map((e) => e.path), ['$.name', '$.components[0].traits.storage[0].size', '$.components[1].type']);
  });
});

describe('specs at the limits are accepted', () => {
  const GOOD: [string, Spec][] = [
    ['a job name of 54 characters', app([{ name: 'j'.repeat(54), type: 'job', image: 'migrate:1' }])],
    ['a store name of 52 characters', app([{ name: 's'.repeat(52), type: 'store', image: 'redis:7', port: 6379 }])],
    ['a worker name of 63 characters', app([{ name: 'w'.repeat(63), type: 'worker', image: 'w' }])],
    ['a worker name starting with a digit (it has no Service)', app([{ name: '1worker', type: 'worker', image: 'w', port: 9000 }])],
    ['a web service without a port named with a leading digit (it has no Service)', app([{ name: '1web', type: 'webservice', image: 'w' }])],
    ['a sidecar mounting a volume the storage trait declares after it', withTraits({ sidecar: [{ name: 'shipper', image: 'fluent-bit', mounts: [{ volume: 'logs', mountPath: '/logs' }] }], storage: [{ name: 'logs', type: 'ephemeral', mountPath: '/var/log' }] })],
    ['envFrom of a config whose keys are variable names', app([web({ traits: { envFrom: [{ type: 'config', sourceName: 'settings' }] } }), { name: 'settings', type: 'config', properties: { data: { API_URL: 'x', log_level: 'info' } } }])],
    ['envFrom of a secret whose keys start with a digit but get a prefix', app([web({ traits: { envFrom: [{ type: 'secret', sourceName: 'db', prefix: 'DB_' }] } }), { name: 'db', type: 'secret', properties: { stringData: { '1st': 'x' } } }])],
    ['envFrom of an external config (its keys are unknown)', app([web({ traits: { envFrom: [{ type: 'config', sourceName: 'shared' }] } })], { policies: { external: { configs: ['shared'] } } })],
    ['labels and annotations Kubernetes accepts', { ...app([web({ annotations: { 'prometheus.io/scrape': 'true', note: 'any value, even with spaces' } })]), labels: { 'example.com/team': 'a.b_c-1', empty: '' } }],
  ];
  for (const [what, spec] of GOOD) {
    it(`accepts ${what}`, () => assert.doesNotThrow(() => validateApplication(spec), (e: unknown) => (isSpecInvalid(e) ? JSON.stringify(e.details) : String(e)) as never));
  }
});
