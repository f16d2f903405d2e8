// The English words of a trace's `detail` and `reason`, which trace/v1 keeps
// beside the structured messages, and of a warning's `message` beside its
// `explanation`: rendered from the same message, with the English table, so
// the two cannot say different things.
import { en } from '../../i18n/engine/en.ts';
import { type Message, renderer } from '../messages.ts';
import type { Hop, HopKind, PacketAddresses } from './types.ts';

export const english = renderer(en);

type HopFields = Omit<Hop, 'kind' | 'at' | 'detail' | 'packet' | 'message'>;

/** A hop saying `message`, its English `detail` rendered from it. */
export function hop(
  kind: HopKind,
  at: string,
  message: Message,
  packet: PacketAddresses | null,
  fields: HopFields = {},
): Hop {
  return { kind, at, detail: english(message), packet, message, ...fields };
}

/** A diagnostic's hint: the message, and its English as the CLI prints it. */
export function hinted(hintMessage: Message): { hint: string; hintMessage: Message } {
  return { hint: english(hintMessage), hintMessage };
}

/** A diagnostic's message as data (`explanation`) and in English (`message`). */
export function explained(explanation: Message): { message: string; explanation: Message } {
  return { message: english(explanation), explanation };
}
