import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRedactor, redactJson, secretValuesOf, urlOrigin, urlSecrets } from './redact.js';

const plan = {
  spec: {
    components: [
      { name: 'db', type: 'secret', properties: { stringData: { password: 'hunter2-plain' }, data: { token: Buffer.from('decoded-token-value').toString('base64') } } },
      { name: 'cfg', type: 'config', properties: { data: { mode: 'production-mode' } } },
      { name: 'short', type: 'secret', properties: { stringData: { pin: '1234' } } },
    ],
  },
  steps: [
    { name: 'creds', type: 'apply', properties: { manifests: [{ kind: 'Secret', stringData: { key: 'apply-step-secret' } }, { kind: 'ConfigMap', data: { x: 'not-a-secret' } }] } },
    { name: 'tell', type: 'webhook', properties: { url: 'https://bot:pa55word@hooks.example/x/y?token=query-token-1&a=b', headers: { authorization: 'Bearer header-token' } } },
  ],
  previous: { spec: { components: [{ name: 'db', type: 'secret', properties: { stringData: { password: 'older-password' } } }] } },
};

describe('secretValuesOf', () => {
  const values = secretValuesOf(plan);
  it('finds the values of secret components (plain, base64 and decoded), apply-step Secrets, webhook headers and URL secrets', () => {
    for (const v of ['hunter2-plain', 'decoded-token-value', Buffer.from('decoded-token-value').toString('base64'), 'apply-step-secret', 'Bearer header-token', 'pa55word', 'query-token-1', 'older-password']) {
      assert.ok(values.includes(v), `${v} is a secret value`);
    }
  });
  it('leaves out config data, ConfigMaps and values too short to tell from words', () => {
    for (const v of ['production-mode', 'not-a-secret', '1234', 'b']) assert.ok(!values.includes(v), `${v} is not tracked`);
  });
  it('puts the longest first (a value inside another is not half-replaced)', () => {
    assert.deepEqual(values, [...values].sort((a, b) => b.length - a.length));
  });
  it('reads nothing from what is not a plan', () => {
    assert.deepEqual(secretValuesOf(undefined), []);
    assert.deepEqual(secretValuesOf({ spec: 'x', steps: 3 }), []);
  });
});

describe('createRedactor and redactJson', () => {
  const redact = createRedactor(secretValuesOf(plan));
  it('replaces every occurrence in a string', () => {
    assert.equal(redact('login with hunter2-plain failed; hunter2-plain again'), 'login with [redacted] failed; [redacted] again');
  });
  it('replaces in every string of a JSON value, nested and in arrays, keys too', () => {
    const out = redactJson({ steps: [{ logs: [{ tail: 'echo apply-step-secret' }], n: 3 }], 'query-token-1': true }, redact);
    assert.deepEqual(out, { steps: [{ logs: [{ tail: 'echo [redacted]' }], n: 3 }], '[redacted]': true });
  });
  it('with no values, changes nothing', () => {
    assert.equal(createRedactor([])('hunter2-plain'), 'hunter2-plain');
  });
});

describe('urlOrigin', () => {
  const cases: [string, string][] = [
    ['https://user:secret@Hooks.Example:8443/a/b?token=x#f', 'https://hooks.example:8443'],
    ['http://127.0.0.1:9000/path/with-token', 'http://127.0.0.1:9000'],
    ['HTTP://[::1]:80/x', 'http://[::1]:80'],
    ['not a url', '(not a URL)'],
  ];
  for (const [url, origin] of cases) it(`${url} -> ${origin}`, () => assert.equal(urlOrigin(url), origin));
});

describe('urlSecrets', () => {
  it('takes userinfo and query values, decoded too', () => {
    assert.deepEqual(urlSecrets('https://u:p%40ss@h/x?t=a%2Fb&flag'), ['u', 'p@ss', 'a%2Fb', 'a/b']);
  });
});
