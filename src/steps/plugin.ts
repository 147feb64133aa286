/**
 * What a plugin step's activity receives. A plugin registers its step type (name, properties
 * schema, activity name) and its activity; the workflow calls the activity by name with this.
 */
export interface PluginStepInput<P = Record<string, unknown>> {
  application: string;
  namespace: string;
  step: string;
  components: string[];
  /** The step's properties, validated by the plugin's schema. */
  properties: P;
}
