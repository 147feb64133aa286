/** The pure core of KubeMin: spec model, compiler, renderers, health rules and errors. */
export * from './errors.js';
export * from './failure-types.js';
export * from './model/application.js';
export * from './model/parse.js';
export * from './compiler/plan.js';
export * from './compiler/compile.js';
export * from './compiler/revision.js';
export * from './render/kube-object.js';
export * from './render/labels.js';
export * from './render/render-component.js';
export * from './health/deployment.js';
export * from './components/registry.js';
export type { ComponentType, ReadinessTarget, RenderContext } from './components/component-type.js';
