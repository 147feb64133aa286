import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSpecInvalid, type SpecInvalidError } from '../errors.js';
import { jsonPath, parseSpecText, pathSegments, validateApplication, validateSpecText } from './parse.js';

function errorsOf(fn: () => unknown): { path: string; message: string; hint?: string }[] {
  try {
    fn();
  } catch (e) {
    assert.ok(isSpecInvalid(e), `expected SpecInvalidError, got ${String(e)}`);
    return (e as SpecInvalidError).details.map((d) => ({ ...d }));
  }
  assert.fail('expected the spec to be rejected');
}

describe('validateApplication', () => {
  it('accepts the minimal web service and fills defaults', () => {
    const app = validateApplication({ name: 'hello', components: [{ name: 'web', type: 'webservice', image: 'nginx:1.27' }] });
    assert.equal(app.namespace, 'default');
    assert.deepEqual(app.components[0]?.dependsOn, []);
    assert.deepEqual(app.policies, { allowHostPath: false, gpuResourceName: 'nvidia.com/gpu', external: { configs: [], secrets: [] }, overrides: [] });
  });

  it('reports every problem at once, each with its JSON path', () => {
    const errors = errorsOf(() =>
      validateApplication({ name: 'Hello_App', components: [{ name: 'web', type: 'webservice', image: '', replicas: -1, port: 70000 }] }),
    );
    assert.deepEqual(
      errors.map((e) => e.path),
      ['$.name', '$.components[0].image', '$.components[0].replicas', '$.components[0].port'],
    );
    assert.match(errors[0]?.message ?? '', /DNS-1123/);
  });

  it('accepts the seed\'s componentType as an alias of type', () => {
    const app = validateApplication({ name: 'a', components: [{ name: 'w', componentType: 'worker', image: 'x' }] });
    assert.equal(app.components[0]?.type, 'worker');
  });

  it('names the known types when a component type is unknown', () => {
    const errors = errorsOf(() => validateApplication({ name: 'a', components: [{ name: 'w', type: 'lambda', image: 'x' }] }));
    assert.deepEqual(errors, [{ path: '$.components[0].type', message: 'unknown component type "lambda"', hint: 'known types: webservice, worker, store, job, config, secret, gateway' }]);
  });

  it('rejects fields it does not know, so typos are not silently ignored', () => {
    const errors = errorsOf(() => validateApplication({ name: 'a', components: [{ name: 'w', type: 'webservice', image: 'x', replica: 2 }] }));
    assert.equal(errors[0]?.path, '$.components[0]');
    assert.match(errors[0]?.message ?? '', /replica/);
  });

  it('requires at least one component', () => {
    assert.deepEqual(errorsOf(() => validateApplication({ name: 'a', components: [] })).map((e) => e.path), ['$.components']);
  });
});

describe('parseSpecText', () => {
  it('reads YAML and JSON alike', () => {
    assert.deepEqual(parseSpecText('name: a\nreplicas: 2\n'), { name: 'a', replicas: 2 });
    assert.deepEqual(parseSpecText('{"name":"a"}'), { name: 'a' });
  });

  it('gives the line of a syntax error', () => {
    const errors = errorsOf(() => parseSpecText('name: a\ncomponents:\n  - name: [web\n'));
    assert.match(errors[0]?.message ?? '', /^line \d+, column \d+: /);
  });
});

describe('validateSpecText', () => {
  it('gives each validation error the line of the YAML it concerns', () => {
    const text = ['name: shop', 'components:', '  - name: web', '    type: webservice', '    image: nginx', '    port: 70000', '  - name: Bad_Name', '    type: worker', '    image: x', ''].join('\n');
    const errors = errorsOf(() => validateSpecText(text));
    assert.deepEqual(
      errors.map((e) => [e.path, (e as { line?: number }).line]),
      [
        ['$.components[0].port', 6],
        ['$.components[1].name', 7],
      ],
    );
  });

  it('gives the lines of schema errors and of cross-field problems found beside them, in one answer', () => {
    const text = [
      'name: shop', //                                   1
      'components:', //                                  2
      '  - name: web', //                                3
      '    type: webservice', //                         4
      '    image: nginx', //                             5
      '    replica: 2', //                               6  a misspelt field: the component's shape is invalid
      '    traits:', //                                  7
      '      envs:', //                                  8
      '        - name: PW', //                           9
      '          valueFrom: { secret: { name: db, key: p } }', // 10  no such secret
      '  - name: web', //                                11 a duplicate name
      '    type: worker', //                             12
      '    image: w', //                                 13
      '    traits:', //                                  14
      '      storage:', //                               15
      '        - { type: host-mounted, mountPath: /h, hostPath: /var/log }', // 16 not allowed
      '',
    ].join('\n');
    const errors = errorsOf(() => validateSpecText(text));
    assert.deepEqual(
      errors.map((e) => [e.path, (e as { line?: number }).line]),
      [
        ['$.components[0]', 3],
        ['$.components[1].traits.storage[0].type', 16],
        ['$.components[1].name', 11],
        ['$.components[0].traits.envs[0].valueFrom.secret.name', 10],
      ],
    );
  });

  it('reads quoted keys back from a JSON path', () => {
    assert.deepEqual(pathSegments('$.components[0].env["MY-VAR"]'), ['components', 0, 'env', 'MY-VAR']);
  });
});

describe('jsonPath', () => {
  it('quotes keys that are not identifiers', () => {
    assert.equal(jsonPath(['labels', 'app.kubernetes.io/name', 0]), '$.labels["app.kubernetes.io/name"][0]');
  });
});

describe('validateSpecText on JSON', () => {
  const spec = { name: 'shop', components: [{ name: 'web', type: 'webservice', image: 'nginx', port: 80 }] };
  it('reads JSON as YAML would', () => assert.deepEqual(validateSpecText(JSON.stringify(spec)), validateSpecText(JSON.stringify(spec, null, 2).replace(/^\{/, '{ '))));
  it('refuses a repeated key with its line', () => {
    const text = '{\n  "name": "shop",\n  "name": "shop2",\n  "components": []\n}';
    assert.match(errorsOf(() => validateSpecText(text))[0]?.message ?? '', /^line 3, column \d+: Map keys must be unique/);
  });
  it('gives lines for errors in JSON text', () => {
    const text = JSON.stringify({ ...spec, components: [{ ...spec.components[0], replica: 2 }] }, null, 2);
    assert.deepEqual(errorsOf(() => validateSpecText(text)).map((e) => (e as { line?: number }).line), [4]);
  });
});
