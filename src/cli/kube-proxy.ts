// `routelab iptables` and `routelab nftables`: the rules kube-proxy writes on
// one node, in the mode each command is named for. When the cluster's
// kube-proxy runs the other mode (spec.kubeProxyMode), the rules are still
// printed, as that mode would write them, and standard error says that the
// node has none of them (docs/cli-notes.md).
import { buildModel, iptables, iptablesFormats, type Model, nftables } from '../engine/index.ts';
import { choice, one, type Parsed, UsageError } from './args.ts';
import { noteText, readInputs } from './files.ts';
import type { Io } from './get-command.ts';
import { terminalSafe, terminalSafeLines } from './terminal.ts';

type Mode = 'iptables' | 'nftables';

/** What a node's listing prints after the rules, on standard error. */
function notes(io: Io, model: Model, node: string, mode: Mode): void {
  if (model.nodes.find((n) => n.name === node)?.kubeProxy === 'Stopped')
    io.err(`routelab: kube-proxy is stopped on ${terminalSafe(node)}: it has written no rules`);
  const running = model.cluster.kubeProxyMode;
  if (running !== mode)
    io.err(
      `routelab: note: this cluster runs kube-proxy in ${running} mode (spec.kubeProxyMode): these are the rules it would write in ${mode} mode, and in ${running} mode it writes none of them`,
    );
}

async function modelOf(p: Parsed, io: Io): Promise<Model> {
  const inputs = await readInputs(p.positionals);
  for (const note of inputs.notes) io.err(`routelab: warning: ${terminalSafe(noteText(note))}`);
  return buildModel(inputs.files);
}

function noSuchNode(model: Model, node: string): UsageError {
  return new UsageError(
    `no node named ${node} (nodes: ${model.nodes.map((n) => n.name).join(', ')})`,
  );
}

/** routelab iptables: a node's rules as kube-proxy hands them to iptables-restore, or as iptables-save prints them. */
export async function runIptables(p: Parsed, io: Io): Promise<number> {
  const node = one(p, 'node');
  if (!node) throw new UsageError('iptables needs --node NODE');
  const format = choice(p, 'format', iptablesFormats, 'restore');
  const model = await modelOf(p, io);
  const text = iptables(model, node, format);
  if (text === null) throw noSuchNode(model, node);
  io.out(terminalSafeLines(text.trimEnd()));
  notes(io, model, node, 'iptables');
  return 0;
}

/** routelab nftables: a node's ip kube-proxy table, as kube-proxy's nftables tests dump it. */
export async function runNftables(p: Parsed, io: Io): Promise<number> {
  const node = one(p, 'node');
  if (!node) throw new UsageError('nftables needs --node NODE');
  const model = await modelOf(p, io);
  const text = nftables(model, node);
  if (text === null) throw noSuchNode(model, node);
  // A stopped kube-proxy has made no table: nothing to print.
  if (text !== '') io.out(terminalSafeLines(text.trimEnd()));
  notes(io, model, node, 'nftables');
  return 0;
}
