/** The platform policy in KubeMin's configuration: KUBEMIN_POLICY, KUBEMIN_POLICY_FILE, the default. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from './config.js';

describe('loadConfig: the platform policy', () => {
  it('denies every kind of host access without configuration, and names baseline', () => {
    assert.deepEqual(loadConfig({}).policy, { podSecurity: 'baseline', rules: [] });
  });

  it('reads KUBEMIN_POLICY as JSON, with KUBEMIN_POD_SECURITY_DEFAULT as the level no rule names', () => {
    const { policy } = loadConfig({ KUBEMIN_POLICY: '[{"namespaces":["staging-*"],"allow":{"nodePort":true}}]', KUBEMIN_POD_SECURITY_DEFAULT: 'restricted' });
    assert.deepEqual(policy, { podSecurity: 'restricted', rules: [{ namespaces: ['staging-*'], allow: { nodePort: true } }] });
  });

  it('reads KUBEMIN_POLICY_FILE as YAML', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kubemin-policy-')), 'policy.yaml');
    writeFileSync(file, 'podSecurity: baseline\nrules:\n  - name: ci-host\n    tokens: [ci]\n    allow: { hostPath: true }\n');
    assert.deepEqual(loadConfig({ KUBEMIN_POLICY_FILE: file }).policy, { podSecurity: 'baseline', rules: [{ name: 'ci-host', tokens: ['ci'], allow: { hostPath: true }, podSecurity: 'privileged' }] });
  });

  it('stops with an error naming the variable and the entry', () => {
    assert.throws(() => loadConfig({ KUBEMIN_POLICY: '{"rules":[{"allow":{"hostpath":true}}]}' }), /^Error: KUBEMIN_POLICY: \$\.rules\[0\]\.allow: Unrecognized key: "hostpath"/);
    assert.throws(() => loadConfig({ KUBEMIN_POLICY: '{rules' }), /^Error: KUBEMIN_POLICY cannot be parsed/);
    assert.throws(() => loadConfig({ KUBEMIN_POLICY_FILE: '/nonexistent/policy.yaml' }), /^Error: KUBEMIN_POLICY_FILE \/nonexistent\/policy\.yaml cannot be read/);
    assert.throws(() => loadConfig({ KUBEMIN_POLICY: '[]', KUBEMIN_POLICY_FILE: '/x' }), /not both/);
    assert.throws(() => loadConfig({ KUBEMIN_POD_SECURITY_DEFAULT: 'loose' }), /KUBEMIN_POD_SECURITY_DEFAULT/);
  });
});

describe('webhook egress configuration', () => {
  it('defaults to no allowlist and the kubeadm Service CIDR', () => {
    assert.deepEqual(loadConfig({}).webhookEgress, { allow: [], serviceCidrs: ['10.96.0.0/12'] });
  });
  it('reads comma lists, trimming blanks', () => {
    const c = loadConfig({ KUBEMIN_WEBHOOK_ALLOW: ' 10.1.0.0/16, hooks.internal:8443 ,,', KUBEMIN_SERVICE_CIDRS: '10.43.0.0/16,fd00:43::/108' });
    assert.deepEqual(c.webhookEgress, { allow: ['10.1.0.0/16', 'hooks.internal:8443'], serviceCidrs: ['10.43.0.0/16', 'fd00:43::/108'] });
  });
});
