// The words the diagrams draw around the engine's own (which stay in
// Kubernetes' and kube-proxy's English), in both locales.
import type { RulesLabels } from './rules.ts';

export type DiagramLocale = 'ja' | 'en';

export interface DiagramLabels {
  rules: (node: string) => RulesLabels;
  architecture: { figure: string; touched: string; degraded: string; prompt: string };
  spread: (total: number, failed: number) => string;
}

export const diagramLabels: Record<DiagramLocale, DiagramLabels> = {
  ja: {
    rules: (node) => ({
      graph: `${node} の kube-proxy のチェーン（nat テーブル）。強調されているのがこのリクエストの経路です`,
      text: `${node} の iptables-save（kube-proxy が書いたルール）。このリクエストが一致したルールが強調されています`,
      hidden: (n) => `ほかに ${n} 個のチェーンがあります（経路に関係するものだけ表示）`,
      empty: `${node} には kube-proxy のルールがありません（kube-proxy が止まっています）`,
      onPath: 'このリクエストが通ったチェーン',
      rules: (n) => `ルール ${n} 個`,
    }),
    architecture: {
      figure:
        'クラスターの構成：コントロールプレーンとノード。リクエストが通った部分が強調されています',
      touched: 'このリクエストはここを通りました。',
      degraded: 'いまリクエストを止めている状態です。',
      prompt: '図の部品をクリックするか、Tab で移動すると、ここに説明が出ます。',
    },
    spread: (total, failed) =>
      `${total} 回のリクエストが届いた Pod${failed > 0 ? `（${failed} 回はどの Pod にも届かず）` : ''}`,
  },
  en: {
    rules: (node) => ({
      graph: `kube-proxy's chains on ${node} (nat table); the highlighted ones are this request's path`,
      text: `iptables-save on ${node} (the rules kube-proxy wrote); the rules this request matched are highlighted`,
      hidden: (n) => `${n} more chains are not drawn (only those near the route are)`,
      empty: `${node} has no kube-proxy rules (kube-proxy is stopped there)`,
      onPath: 'on this request’s path',
      rules: (n) => `${n} rules`,
    }),
    architecture: {
      figure:
        'The parts of the cluster: the control plane and the nodes; the parts this request passed are highlighted',
      touched: 'This request passed here.',
      degraded: 'This is what stops requests now.',
      prompt: 'Click a part of the drawing, or move to it with Tab, to read what it does here.',
    },
    spread: (total, failed) =>
      `Where ${total} requests arrived${failed > 0 ? ` (${failed} reached no Pod)` : ''}`,
  },
};
