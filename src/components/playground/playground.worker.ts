// The engine off the main thread for the playground: one model per change of
// the text or the request, and everything the page draws from it.

import { fill, Unfillable } from '../../course/exercises/placeholders.ts';
import { buildModel, iptables, kubeProxyRules, trace } from '../../engine/index.ts';
import { layoutArchitecture } from '../diagrams/architecture-layout.ts';
import { layoutRoute } from '../diagrams/route-layout.ts';
import { firstRuleNode, layoutRules } from '../diagrams/rules-layout.ts';
import { layoutSpread } from '../diagrams/spread-layout.ts';
import { layoutTopology, routeMarks } from '../diagrams/topology-layout.ts';
import { choicesOf } from './choices.ts';
import type { PlaygroundReply, PlaygroundRequest } from './protocol.ts';

export const playgroundFile = 'playground.yaml';
/** A node's rules past this many lines are cut in the page (the CLI prints them all). */
const maxRuleLines = 20_000;

self.onmessage = (event: MessageEvent<PlaygroundRequest>) => {
  const { seq, text, request, node } = event.data;
  try {
    const model = buildModel([{ file: playgroundFile, text }]);
    let result: PlaygroundReply['trace'] = null;
    let traceError = '';
    let filledTo = '';
    if (request.to.trim() !== '') {
      try {
        filledTo = fill(request.to.trim(), model);
        result = trace(
          model,
          {
            from: request.from || 'external',
            to: filledTo,
            method: request.method,
          },
          { count: request.count, seed: request.seed },
        );
      } catch (error) {
        if (!(error instanceof Unfillable)) throw error;
        traceError = error.message;
      }
    }
    const hops = result?.hops ?? [];
    // The chosen node; else the first whose rules the route met; else the first it reached.
    const ruleNode =
      model.nodes.find((n) => n.name === node)?.name ??
      firstRuleNode(hops) ??
      hops.find((h) => model.nodes.some((n) => n.name === h.at))?.at ??
      model.nodes[0]?.name;
    const clusterNode = model.nodes.find((n) => n.name === ruleNode);
    let rules: PlaygroundReply['rules'] = null;
    if (clusterNode) {
      const lines = (iptables(model, clusterNode.name) ?? '').split('\n');
      const cut = lines.length > maxRuleLines;
      rules = {
        node: clusterNode.name,
        layout: layoutRules(kubeProxyRules(model, clusterNode), hops),
        text: cut
          ? `${lines.slice(0, maxRuleLines).join('\n')}\n# … ${lines.length - maxRuleLines} more lines: routelab iptables prints them all`
          : lines.join('\n'),
      };
    }
    const reply: PlaygroundReply = {
      seq,
      diagnostics: model.diagnostics.filter((d) => d.file === playgroundFile),
      choices: choicesOf(model),
      topology: layoutTopology(model),
      architecture: layoutArchitecture(model, result ?? undefined),
      trace: result,
      traceError,
      filledTo: filledTo !== request.to.trim() ? filledTo : '',
      route: result ? layoutRoute(result) : null,
      spread: result?.distribution ? layoutSpread(result) : null,
      rules,
      onRoute: result ? routeMarks(result) : [],
    };
    self.postMessage(reply);
  } catch (error) {
    self.postMessage({ seq, error: error instanceof Error ? error.message : String(error) });
  }
};
