import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateApplication } from '../model/parse.js';
import { componentRevision } from '../compiler/revision.js';
import { renderComponent } from '../render/render-component.js';

const app = validateApplication({
  name: 'shop',
  namespace: 'prod',
  components: [
    { name: 'web', type: 'webservice', image: 'shop/web:1', replicas: 2, port: 8080 },
    { name: 'worker', type: 'webservice', image: 'shop/worker:1' },
  ],
});

describe('webservice', () => {
  it('renders a Deployment and a ClusterIP Service selecting only this component', () => {
    const { objects, readiness } = renderComponent(app, 'web');
    assert.deepEqual(
      objects.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`),
      ['Deployment/prod/web', 'Service/prod/web'],
    );
    const [deployment, service] = objects as unknown as [Record<string, any>, Record<string, any>];
    const selector = { 'kubemin.io/app': 'shop', 'kubemin.io/component': 'web' };
    assert.deepEqual(deployment.spec.selector.matchLabels, selector);
    assert.deepEqual(service.spec.selector, selector);
    assert.equal(service.spec.type, 'ClusterIP');
    assert.deepEqual(service.spec.ports, [{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }]);
    assert.deepEqual(deployment.spec.template.spec.containers, [
      { name: 'web', image: 'shop/web:1', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] },
    ]);
    assert.equal(deployment.spec.replicas, 2);
    assert.deepEqual(readiness, [{ kind: 'Deployment', namespace: 'prod', name: 'web' }]);
  });

  it('labels objects with the component\'s own revision but keeps it off the pod template', () => {
    const [deployment] = renderComponent(app, 'web').objects as unknown as [Record<string, any>];
    assert.equal(deployment.metadata.labels['kubemin.io/revision'], componentRevision(app, app.components[0]!));
    assert.equal(deployment.metadata.labels['app.kubernetes.io/managed-by'], 'kubemin');
    assert.equal(deployment.spec.template.metadata.labels['kubemin.io/revision'], undefined);
  });

  it('renders a component the same whatever happens to the others, so changing one image touches only that', () => {
    const before = renderComponent(app, 'web').objects;
    const changed = { ...app, components: app.components.map((c) => (c.name === 'worker' ? { ...c, image: 'shop/worker:2' } : c)) };
    assert.deepEqual(renderComponent(changed, 'web').objects, before);
    assert.notDeepEqual(renderComponent(changed, 'worker').objects, renderComponent(app, 'worker').objects);
  });

  it('renders no Service when the component has no port', () => {
    assert.deepEqual(renderComponent(app, 'worker').objects.map((o) => o.kind), ['Deployment']);
  });

  it('fails naming the component when it is not in the application', () => {
    assert.throws(() => renderComponent(app, 'nope'), /component "nope" of application "shop" was not found/);
  });
});
