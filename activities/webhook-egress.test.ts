import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEgressPolicy, DEFAULT_SERVICE_CIDRS, EgressDenied, resolveChecked, unmapped } from './webhook-egress.js';

describe('the webhook egress policy', () => {
  const policy = createEgressPolicy({ allow: [], serviceCidrs: ['10.96.0.0/12', 'fd10::/108'] });
  const denied: [string, RegExp][] = [
    ['127.0.0.1', /loopback/],
    ['127.255.255.254', /loopback/],
    ['::1', /loopback/],
    ['169.254.169.254', /link-local/],
    ['fe80::1', /link-local/],
    ['10.0.0.5', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['fd00::1', /private/],
    ['fc00::1', /private/],
    ['0.0.0.0', /this network/],
    ['100.64.0.1', /carrier-grade/],
    ['224.0.0.1', /multicast/],
    ['ff02::1', /multicast/],
    ['255.255.255.255', /reserved/],
    ['::', /unspecified/],
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:7f00:1', /loopback/],
    ['::ffff:169.254.169.254', /link-local/],
    ['0:0:0:0:0:ffff:a9fe:a9fe', /link-local/],
    ['::127.0.0.1', /IPv4-compatible/],
    ['64:ff9b::7f00:1', /NAT64/],
    ['fd10::5', /private/],
  ];
  for (const [address, why] of denied) {
    it(`denies ${address}`, () => assert.match(policy.denial('hooks.example', 443, address) ?? 'allowed', why));
  }
  for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) {
    it(`allows the public address ${address}`, () => assert.equal(policy.denial('hooks.example', 443, address), undefined));
  }
  it("denies the cluster's Service range (it is named as such when it is not private anyway)", () => {
    const odd = createEgressPolicy({ allow: [], serviceCidrs: ['198.51.100.0/24'] });
    assert.match(odd.denial('svc', 80, '198.51.100.7') ?? '', /cluster's Services/);
    assert.equal(DEFAULT_SERVICE_CIDRS[0], '10.96.0.0/12');
  });

  describe('with an allowlist', () => {
    const allowing = createEgressPolicy({ allow: ['10.1.0.0/16', '192.168.5.5', 'hooks.internal', 'localhost:8081', '[::1]:9000'], serviceCidrs: DEFAULT_SERVICE_CIDRS });
    it('allows addresses in an allowed CIDR or equal to an allowed address, and no others', () => {
      assert.equal(allowing.denial('x', 80, '10.1.2.3'), undefined);
      assert.equal(allowing.denial('x', 80, '192.168.5.5'), undefined);
      assert.match(allowing.denial('x', 80, '10.2.0.1') ?? '', /private/);
      assert.match(allowing.denial('x', 80, '192.168.5.6') ?? '', /private/);
    });
    it('allows a name on any port, a host:port only on that port', () => {
      assert.equal(allowing.denial('hooks.internal', 8443, '10.9.9.9'), undefined);
      assert.equal(allowing.denial('localhost', 8081, '127.0.0.1'), undefined);
      assert.match(allowing.denial('localhost', 8082, '127.0.0.1') ?? '', /loopback/);
      assert.equal(allowing.denial('[::1]', 9000, '::1'), undefined);
    });
    it('refuses configuration that is neither a CIDR nor a name', () => {
      assert.throws(() => createEgressPolicy({ allow: ['10.0.0.0/40'], serviceCidrs: [] }), /KUBEMIN_WEBHOOK_ALLOW: "10.0.0.0\/40"/);
      assert.throws(() => createEgressPolicy({ allow: [], serviceCidrs: ['nope/12'] }), /KUBEMIN_SERVICE_CIDRS/);
    });
  });

  describe('resolveChecked', () => {
    it('checks every address a name resolves to (localhost is loopback)', async () => {
      await assert.rejects(resolveChecked(policy, new URL('http://localhost:9/x?token=t')), (e: unknown) => e instanceof EgressDenied && e.origin === 'http://localhost:9' && !e.message.includes('token'));
    });
    it('names the origin only, never userinfo, path or query, and says what to do', async () => {
      await assert.rejects(resolveChecked(policy, new URL('http://user:pw@169.254.169.254/latest/meta-data?sig=abc')), (e: unknown) => {
        const m = (e as Error).message;
        assert.match(m, /^webhook destination http:\/\/169\.254\.169\.254 is denied: .*link-local.*KUBEMIN_WEBHOOK_ALLOW/);
        for (const secret of ['user', 'pw', 'latest', 'sig=abc']) assert.ok(!m.includes(secret), `the message carries no ${secret}`);
        return true;
      });
    });
    it('answers the checked address of an IP literal without a lookup', async () => {
      assert.deepEqual(await resolveChecked(createEgressPolicy({ allow: ['127.0.0.1'], serviceCidrs: [] }), new URL('http://127.0.0.1:1/')), { address: '127.0.0.1', family: 4 });
    });
  });

  it('unmaps IPv4-mapped IPv6 addresses only', () => {
    assert.equal(unmapped('::ffff:10.0.0.1'), '10.0.0.1');
    assert.equal(unmapped('::FFFF:0a00:0001'), '10.0.0.1');
    assert.equal(unmapped('2001:db8::1'), '2001:db8::1');
  });
});
