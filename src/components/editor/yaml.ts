// monaco-yaml against the Kubernetes schema generated at build time
// (/schema/kubernetes.json): hover docs, completion and validation, for every
// model either island opens.
import { configureMonacoYaml } from 'monaco-yaml';
import { monaco } from './monaco.ts';

let configured: Promise<void> | null = null;

/** Once per page, whichever island asks first; later calls share the first. */
export function configureYaml(schemaUrl: string): Promise<void> {
  configured ??= fetch(schemaUrl)
    .then((r) => (r.ok ? r.json() : null))
    // Without the schema the editor still edits and the engine still grades.
    .catch(() => null)
    .then((schema) => {
      configureMonacoYaml(monaco, {
        enableSchemaRequest: false,
        isKubernetes: true,
        hover: true,
        completion: true,
        validate: true,
        schemas: schema
          ? [
              {
                uri: new URL(schemaUrl, window.location.href).href,
                fileMatch: ['**/*.yaml'],
                schema,
              },
            ]
          : [],
      });
    });
  return configured;
}
