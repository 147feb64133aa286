/** The platform policy: validation naming the entry, and how matching rules combine. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedFor, allowedInNamespace, DEFAULT_POLICY, parsePlatformPolicy, stricterLevel } from './platform-policy.js';

const none = { hostPath: false, privileged: false, hostNamespaces: false, hostPorts: false, nodePort: false, externalIPs: false };

describe('parsePlatformPolicy', () => {
  it('names the wrong entry by JSON path and source', () => {
    assert.throws(() => parsePlatformPolicy({ rules: [{ namespaces: ['a'] }, { allow: { hostPth: true } }] }, 'KUBEMIN_POLICY'), /^Error: KUBEMIN_POLICY: \$\.rules\[1\]\.allow: Unrecognized key: "hostPth"/);
    assert.throws(() => parsePlatformPolicy([{ podSecurity: 'loose' }], 'KUBEMIN_POLICY_FILE p.yaml'), /KUBEMIN_POLICY_FILE p\.yaml: \$\.rules\[0\]\.podSecurity/);
  });

  it('refuses a rule allowing host access under a Pod Security level that refuses such pods', () => {
    assert.throws(() => parsePlatformPolicy([{ allow: { privileged: true }, podSecurity: 'baseline' }], 'KUBEMIN_POLICY'), /\$\.rules\[0\]\.podSecurity: allow\.privileged needs podSecurity "privileged"/);
  });

  it('gives a rule allowing pod host access without a level the privileged level; NodePort alone keeps the default', () => {
    const p = parsePlatformPolicy([{ allow: { hostPath: true } }, { allow: { nodePort: true } }], 'x');
    assert.deepEqual(p.rules.map((r) => r.podSecurity), ['privileged', undefined]);
    assert.equal(p.podSecurity, 'baseline');
  });
});

describe('allowedFor', () => {
  const policy = parsePlatformPolicy(
    {
      podSecurity: 'restricted',
      rules: [
        { name: 'staging-ports', namespaces: ['staging-*'], allow: { nodePort: true } },
        { name: 'ci-host', namespaces: ['staging-*'], tokens: ['ci'], allow: { hostPath: true } },
        { name: 'shop', namespaces: ['shop'], podSecurity: 'baseline' },
      ],
    },
    'test',
  );

  it('denies everything with no policy, and names baseline', () => {
    assert.deepEqual(allowedFor(DEFAULT_POLICY, 'ci', 'staging-a'), { allow: none, podSecurity: 'baseline', rules: [] });
  });

  it('combines the matching rules to the most permissive', () => {
    assert.deepEqual(allowedFor(policy, 'ci', 'staging-a'), { allow: { ...none, nodePort: true, hostPath: true }, podSecurity: 'privileged', rules: ['staging-ports', 'ci-host'] });
  });

  it('matches tokens by name: another token gets only the namespace-wide rule', () => {
    assert.deepEqual(allowedFor(policy, 'other', 'staging-a'), { allow: { ...none, nodePort: true }, podSecurity: 'restricted', rules: ['staging-ports'] });
  });

  it('falls back to the policy level where no rule matches, and takes a rule\'s own level', () => {
    assert.equal(allowedFor(policy, 'ci', 'prod').podSecurity, 'restricted');
    assert.equal(allowedFor(policy, 'ci', 'shop').podSecurity, 'baseline');
  });

  it('bounds the worker by every rule of the namespace, whichever token', () => {
    assert.deepEqual(allowedInNamespace(policy, 'staging-a'), { allow: { ...none, nodePort: true, hostPath: true }, podSecurity: 'privileged', rules: ['staging-ports', 'ci-host'] });
    assert.equal(stricterLevel('privileged', 'baseline'), 'baseline');
    assert.equal(stricterLevel('restricted', 'baseline'), 'restricted');
  });
});
