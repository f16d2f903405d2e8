// Exercises as data (content/exercises/<id>/): what the learner is asked, and
// checks that grade behaviour through the engine, never the text.
import type { Outcome, TraceResult } from '../trace/types.ts';

export interface Text {
  ja: string;
  en: string;
}

export type Locale = keyof Text;

export interface RequestSpec {
  from?: string;
  /** May hold {nodeIP}, {clusterIP:svc}, {lbIP:svc}, {nodePort:svc} placeholders. */
  to: string;
  count?: number;
  headers?: string[];
  /** host -> address, like --resolve; the address may be a placeholder too. */
  resolve?: Record<string, string>;
  /**
   * Send the request once to every ready node ({nodeIP} filled in); with
   * "kube-proxy-running", only to the nodes whose kube-proxy runs.
   */
  forEachNode?: boolean | 'kube-proxy-running';
}

export interface Expectation {
  outcome?: Outcome;
  status?: number;
  /** The Service that chose the Pod. */
  service?: string;
  /** The app label of the Pod that answered. */
  app?: string;
  port?: number;
  /** "client": the Pod saw the client's own address; "not-client": an address of the cluster. */
  sourceIP?: 'client' | 'not-client';
  path?: string;
  scheme?: string;
  tls?: boolean;
  /** At least this many different Pods answered (with count > 1). */
  distinctPods?: number;
  /** With TLS: the certificate came from the Ingress's Secret, not the controller's fake one. */
  certificateFromSecret?: boolean;
}

export type Check =
  | { id: string; title: Text; kind: 'valid' }
  | { id: string; title: Text; kind: 'request'; request: RequestSpec; expect: Expectation }
  | { id: string; title: Text; kind: 'field'; object: string; field: string; equals: unknown }
  | {
      id: string;
      title: Text;
      kind: 'answer';
      question: string;
      /** Accepted answers, or where the right answer comes from. */
      accept?: string[];
      acceptTraceOutcome?: RequestSpec;
      acceptStoppedKubeProxyNodes?: boolean;
      /** The answer is a URL: right when a request to it (from this source) is delivered. */
      acceptIfDelivered?: Omit<RequestSpec, 'to'> & { to?: string };
    };

export interface Exercise {
  id: string;
  chapter: number;
  title: Text;
  task: Text;
  hints: Text[];
  checks: Check[];
  /** Questions asked by the exercise, for answer checks (shown beside the editor). */
  questions?: { id: string; text: Text; choices?: string[] }[];
  /** The spec of the Cluster the exercise runs on (what no manifest can change). */
  cluster?: Record<string, unknown>;
  starter: string;
  solution: string;
}

export interface CheckResult {
  id: string;
  passed: boolean;
  message: string;
  hint?: string;
  /**
   * For a failed request check: the trace of the request that went wrong, and its headers;
   * for a passing one, its first request's, when asked for (gradeModel's `traces`).
   */
  trace?: TraceResult;
  headers?: string[];
}

export interface Grade {
  passed: boolean;
  score: number;
  maxScore: number;
  checks: CheckResult[];
}
