// Plain-text output of validate and trace, for people at a terminal: the
// trace's sentences are rendered here from its messages, in English.
import type { Diagnostic, TraceResult } from '../engine/index.ts';
import { renderer } from '../engine/index.ts';
import { en } from '../i18n/engine/en.ts';

const english = renderer(en);

/**
 * A result's diagnostics as validate/v1 and trace/v1 print them: a warning's
 * `explanation` is for pages in other languages, and docs/cli.md (the shared
 * contract) names no such field.
 */
export function published<T extends { diagnostics: Diagnostic[] }>(result: T): T {
  return { ...result, diagnostics: result.diagnostics.map(({ explanation: _, ...d }) => d) };
}

export function diagnosticText(d: Diagnostic): string {
  const where = d.file ? `${d.file}:${d.line}:${d.column}: ` : '';
  const object = d.object ? ` (${d.object})` : '';
  const message = d.message.replace(/\n/g, '\n    ');
  const hint = d.hint ? `\n    hint: ${d.hint.replace(/\n/g, '\n      ')}` : '';
  return `${where}${d.severity}${object}: ${message}${hint}`;
}

export function validateText(diagnostics: Diagnostic[]): string {
  const count = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const lines = diagnostics.map(diagnosticText);
  lines.push(
    errors > 0
      ? `invalid: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
      : `valid${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`,
  );
  return lines.join('\n');
}

export function traceText(result: TraceResult): string {
  const lines = [
    `${result.request.method} ${result.request.to} from ${result.request.from}: ${result.outcome}${result.status === null ? '' : ` (${result.status})`}`,
    `  ${english(result.reasonMessage)}`,
  ];
  if (result.service)
    lines.push(
      `  Service ${result.service.namespace}/${result.service.name} (${result.service.type}) port ${result.service.port} -> targetPort ${result.service.targetPort}`,
    );
  lines.push('', 'hops:');
  result.hops.forEach((hop, i) => {
    const packet = hop.packet ? `  [${hop.packet.src} -> ${hop.packet.dst}]` : '';
    lines.push(
      `  ${String(i + 1).padStart(2)}. ${hop.kind} @ ${hop.at}: ${english(hop.message)}${packet}`,
    );
  });
  if (result.distribution) {
    lines.push('', 'distribution:');
    for (const d of result.distribution) lines.push(`  ${d.pod} (${d.node}): ${d.count}`);
    lines.push(
      `outcomes: ${Object.entries(result.outcomes ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  }
  if (result.outcome === 'invalid')
    for (const d of result.diagnostics) if (d.severity === 'error') lines.push(diagnosticText(d));
  return lines.join('\n');
}
