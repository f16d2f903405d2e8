// What the playground page and its engine worker say to each other.
import type { Diagnostic, TraceResult } from '../../engine/index.ts';
import type { ArchitectureLayout } from '../diagrams/architecture-layout.ts';
import type { RouteLayout } from '../diagrams/route-layout.ts';
import type { RulesLayout } from '../diagrams/rules-layout.ts';
import type { SpreadLayout } from '../diagrams/spread-layout.ts';
import type { TopologyLayout } from '../diagrams/topology-layout.ts';
import type { Choices } from './choices.ts';

export interface PlaygroundRequest {
  seq: number;
  text: string;
  request: { from: string; to: string; method: string; count: number; seed: number };
  /** The node whose rules to show; "" for the first the route met. */
  node: string;
}

export interface PlaygroundReply {
  seq: number;
  error?: string;
  diagnostics: Diagnostic[];
  choices: Choices;
  topology: TopologyLayout;
  architecture: ArchitectureLayout;
  trace: TraceResult | null;
  /** Why no request was sent (a placeholder that names nothing). */
  traceError: string;
  /** The target with a scenario's placeholders ({lbIP:my-service}) filled in; "" when none. */
  filledTo: string;
  route: RouteLayout | null;
  spread: SpreadLayout | null;
  rules: { node: string; layout: RulesLayout; text: string } | null;
  onRoute: string[];
}
