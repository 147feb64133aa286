/** A spec whose run fails fast at its second step (a Job kwok fails at once), so it can be retried. */
export function failingJobSpec(namespace: string, name = 'again') {
  return {
    name,
    namespace,
    components: [
      { name: 'web', type: 'webservice', image: 'web:1', port: 80 },
      { name: 'migrate', type: 'job', image: 'migrate:1', annotations: { 'kubemin.io/kwok-fail': 'boom' } },
    ],
    workflow: { steps: [{ name: 'ship', type: 'deploy', components: ['web'] }, { name: 'tables', type: 'job', components: ['migrate'], dependsOn: ['ship'] }] },
  };
}
