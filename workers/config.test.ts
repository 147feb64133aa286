import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.js';

describe('webhook egress configuration', () => {
  it('defaults to no allowlist and the kubeadm Service CIDR', () => {
    assert.deepEqual(loadConfig({}).webhookEgress, { allow: [], serviceCidrs: ['10.96.0.0/12'] });
  });
  it('reads comma lists, trimming blanks', () => {
    const c = loadConfig({ KUBEMIN_WEBHOOK_ALLOW: ' 10.1.0.0/16, hooks.internal:8443 ,,', KUBEMIN_SERVICE_CIDRS: '10.43.0.0/16,fd00:43::/108' });
    assert.deepEqual(c.webhookEgress, { allow: ['10.1.0.0/16', 'hooks.internal:8443'], serviceCidrs: ['10.43.0.0/16', 'fd00:43::/108'] });
  });
});
