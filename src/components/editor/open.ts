// Both islands open Monaco the same way: the schema set up, a model named by
// its file, and the editor put where the page's static listing was.
import { $ } from '../dom.ts';
import { createEditor, monaco } from './monaco.ts';
import { configureYaml } from './yaml.ts';

export interface Opening {
  text: string;
  /** The model's file name, which the schema's fileMatch and the markers go by. */
  uri: string;
  /** The listing shown before the editor loads; hidden once it has. */
  staticSelector: string;
  /** Controls that only work with the editor; shown once it has loaded. */
  needsEditor: string;
  label: string;
}

export async function openEditor(root: HTMLElement, o: Opening) {
  await configureYaml(root.dataset.schema ?? '/schema/kubernetes.json');
  const model = monaco.editor.createModel(o.text, 'yaml', monaco.Uri.parse(o.uri));
  const host = $(root, '.rl-editor');
  host.hidden = false;
  $(root, o.staticSelector).hidden = true;
  for (const el of root.querySelectorAll<HTMLElement>(o.needsEditor)) el.hidden = false;
  return { model, editor: createEditor(host, model, o.label) };
}
