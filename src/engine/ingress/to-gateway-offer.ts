// The editor's "Convert this Ingress to Gateway API", beside the v1beta1
// quick fix: for each Ingress of a file, a hint-level diagnostic whose fix
// replaces the Ingress document with its conversion (./to-gateway.ts),
// headed by comments saying what did not carry over and which requests the
// engine finds answered differently (./to-gateway-check.ts).
import type { Diagnostic } from '../diagnostics.ts';
import { locate } from '../diagnostics.ts';
import { type Message, message } from '../messages.ts';
import type { InputFile } from '../model/build.ts';
import type { Model } from '../model/types.ts';
import { english } from '../trace/english.ts';
import { convertToGateway } from './to-gateway.ts';
import { conversionDifferences } from './to-gateway-check.ts';

/** At most this many Ingresses get an offer: each costs two cluster builds and some traces. */
const most = 3;

export function conversionOffers(
  model: Model,
  files: readonly InputFile[],
  file: string,
  say: (m: Message) => string = english,
): Diagnostic[] {
  const mine = model.ingresses.filter((i) => i.doc.file === file).slice(0, most);
  return mine.map((ingress) => {
    const conversion = convertToGateway(model, [ingress]);
    const differences = conversionDifferences(files, conversion, (i) => i.id === ingress.id);
    const comment = (m: Message) =>
      say(m)
        .split('\n')
        .map((l) => `# ${l}`);
    const header = [
      ...comment(message('convert.header', { ingress: ingress.metadata.name })),
      ...conversion.notes.flatMap(comment),
      ...(differences.length === 0
        ? comment(message('convert.same', {}))
        : differences.flatMap((d) => comment(message('convert.differs', { ...d })))),
    ];
    const title = message('offer.convert-gateway-title', {});
    const explanation = message('offer.convert-gateway', { ingress: ingress.metadata.name });
    return {
      severity: 'info' as const,
      code: 'ConvertToGatewayAPI',
      object: ingress.id,
      field: 'kind',
      message: english(explanation),
      explanation,
      fix: {
        title: english(title),
        titleMessage: title,
        text: `${header.join('\n')}\n${conversion.text}`,
      },
      ...locate(ingress.doc, ['kind']),
    };
  });
}
