/**
 * The pure core of KubeMin: spec model and validation, compiler, component types, traits, step
 * types, renderers, health rules and errors. No I/O, no Temporal, no client-node.
 */
// errors
export * from './errors.js';
export * from './failure-types.js';
// the spec: schemas, parsing, validation, policies
export * from './model/application.js';
export * from './model/common.js';
export * from './model/cycle.js';
export * from './model/limits.js';
export * from './model/validate.js';
export { parseSpecText, validateSpecText, withLines } from './model/parse.js';
export { jsonPath } from './model/json-path.js';
export { durationSeconds } from './model/duration.js';
export { applicationJsonSchema, jsonSchemaOf, registrySchemas } from './model/json-schema.js';
// registries: component types, traits, step types
export * from './components/registry.js';
export type { ComponentType, ReadinessTarget, RenderContext } from './components/component-type.js';
export * from './traits/registry.js';
export type { Trait, TraitContext, TraitResult } from './traits/trait.js';
export * from './steps/registry.js';
export * from './steps/builtin.js';
export { defineStepType } from './steps/step-type.js';
export type { StepType as StepTypeDefinition } from './steps/step-type.js';
export type { PluginStepInput } from './steps/plugin.js';
// compiling and rendering
export * from './compiler/plan.js';
export * from './compiler/plan-size.js';
export * from './compiler/compile.js';
export * from './compiler/component-spec.js';
export * from './compiler/references.js';
export * from './compiler/revision.js';
export * from './render/kube-object.js';
export * from './render/labels.js';
export * from './render/render-component.js';
export * from './render/step-manifests.js';
// platform policy: host access, Pod Security
export * from './policy/namespace-pattern.js';
export * from './policy/host-access.js';
export * from './policy/platform-policy.js';
export * from './policy/check-policy.js';
// health
export * from './health/deployment.js';
export * from './health/statefulset.js';
export * from './health/job.js';
export * from './health/registry.js';
export * from './health/pods.js';
export * from './health/observed.js';
export * from './diff/diff.js';
