import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateApplication } from '../model/parse.js';
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
    const { objects, readiness } = renderComponent(app, 'web', 'abc123');
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

  it('labels objects with the revision but keeps it off the pod template, so a new revision alone restarts nothing', () => {
    const [deployment] = renderComponent(app, 'web', 'rev-1').objects as unknown as [Record<string, any>];
    assert.equal(deployment.metadata.labels['kubemin.io/revision'], 'rev-1');
    assert.equal(deployment.metadata.labels['app.kubernetes.io/managed-by'], 'kubemin');
    assert.equal(deployment.spec.template.metadata.labels['kubemin.io/revision'], undefined);
    const again = renderComponent(app, 'web', 'rev-2').objects[0] as Record<string, any>;
    assert.deepEqual(again.spec, deployment.spec);
  });

  it('renders no Service when the component has no port', () => {
    assert.deepEqual(renderComponent(app, 'worker', 'r').objects.map((o) => o.kind), ['Deployment']);
  });

  it('fails naming the component when it is not in the application', () => {
    assert.throws(() => renderComponent(app, 'nope', 'r'), /component "nope" of application "shop" was not found/);
  });
});
