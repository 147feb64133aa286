/** `webservice`: a Deployment, and a ClusterIP Service selecting only this component's pods. */
import { objectLabels, podLabels, selectorLabels } from '../render/labels.js';
import type { KubeObject } from '../render/kube-object.js';
import { defineComponentType, type RenderContext } from './component-type.js';

function deployment({ app, component, revision }: RenderContext): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: component.name, namespace: app.namespace, labels: objectLabels(app.name, component.name, revision) },
    spec: {
      replicas: component.replicas,
      selector: { matchLabels: selectorLabels(app.name, component.name) },
      template: {
        metadata: { labels: podLabels(app.name, component.name) },
        spec: {
          containers: [
            {
              name: component.name,
              image: component.image,
              ...(component.port ? { ports: [{ name: 'http', containerPort: component.port, protocol: 'TCP' }] } : {}),
            },
          ],
        },
      },
    },
  };
}

function service({ app, component, revision }: RenderContext): KubeObject[] {
  if (!component.port) return [];
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: component.name, namespace: app.namespace, labels: objectLabels(app.name, component.name, revision) },
      spec: {
        type: 'ClusterIP',
        selector: selectorLabels(app.name, component.name),
        ports: [{ name: 'http', port: component.port, targetPort: 'http', protocol: 'TCP' }],
      },
    },
  ];
}

export const webservice = defineComponentType({
  name: 'webservice',
  description: 'A long-running HTTP service: a Deployment and, when it has a port, a ClusterIP Service.',
  render: (ctx) => [deployment(ctx), ...service(ctx)],
  readiness: ({ app, component }) => [{ kind: 'Deployment', namespace: app.namespace, name: component.name }],
});
