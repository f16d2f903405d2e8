// The playground's state leaving the page and coming back: a share link
// (copied when the browser lets us), a file saved and a file opened. What a
// file holds is data: it reaches the page as the editor's text and the form's
// values only.
import type { UiMessages } from '../../i18n/index.ts';
import { downloadText } from '../download.ts';
import { encodeState, maxLinkLength, type PlaygroundState } from './share.ts';
import { readStateFile, stateFile } from './state.ts';

const maxFileBytes = 2 << 20;

type Say = (text: string, kind?: 'info' | 'warning') => void;

export function downloadState(state: PlaygroundState): void {
  downloadText('playground.yaml', stateFile(state), 'application/yaml');
}

/** Puts the link in the share box (and the address bar), or says why it cannot. */
export async function share(
  box: HTMLElement,
  state: PlaygroundState,
  t: UiMessages['playground'],
  say: Say,
): Promise<void> {
  const fragment = await encodeState(state);
  const link = `${window.location.origin}${window.location.pathname}#${fragment}`;
  const input = box.querySelector('input');
  const download = box.querySelector<HTMLElement>('[data-action="download"]');
  if (!input || !download) throw new Error('playground markup lacks the share box');
  box.hidden = false;
  if (link.length > maxLinkLength) {
    input.value = '';
    download.hidden = false;
    say(t.tooLong(link.length, maxLinkLength), 'warning');
    return;
  }
  download.hidden = true;
  input.value = link;
  history.replaceState(null, '', `#${fragment}`);
  try {
    await navigator.clipboard.writeText(link);
    say(t.linkCopied);
  } catch {
    say(t.linkReady);
  }
  input.focus();
  input.select();
}

/** The state a chosen file holds, or null (and why, said) when it is not one to open. */
export async function openFile(
  file: File,
  current: PlaygroundState,
  t: UiMessages['playground'],
  say: Say,
): Promise<PlaygroundState | null> {
  if (file.size > maxFileBytes) {
    say(t.fileTooBig, 'warning');
    return null;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    say(t.fileNotText, 'warning');
    return null;
  }
  return readStateFile(text, current);
}
