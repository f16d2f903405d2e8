// The playground's words, per locale.
const ja = {
  loading: 'エディターを読み込んでいます…',
  loadFailed: 'エディターを読み込めませんでした。ページを再読み込みしてください。',
  running: '計算中…',
  engineError: 'エンジンが答えませんでした',
  badLink: (why: string) => `リンクを開けませんでした（${why}）。空のプレイグラウンドを開きます。`,
  restored: 'リンクの状態を開きました。',
  tooLong: (n: number, max: number) =>
    `状態が大きすぎてリンクにできません（${n} 文字、上限 ${max} 文字）。代わりにファイルとして保存してください。`,
  linkCopied: 'リンクをコピーしました。',
  linkReady: 'リンクができました。下の欄からコピーしてください。',
  faultError: (why: string) => `障害スイッチを反映できません: ${why}`,
  fileTooBig: 'ファイルが大きすぎます（上限 2 MiB）。',
  fileNotText: 'ファイルが UTF-8 のテキストではありません。',
  opened: (name: string) => `${name} を開きました。`,
  scenarioLoaded: (title: string) => `シナリオ「${title}」を開きました（Ctrl+Z で元に戻せます）。`,
  noRequest: '送り先を入力すると、ここにリクエストの結果が出ます。',
  notSent: (why: string) => `リクエストを送れません: ${why}`,
  outcome: (o: string, status: number | null, reason: string) =>
    `結果: ${o}${status ? `（${status}）` : ''} — ${reason}`,
  spread: (n: number) => `${n} 回送った結果`,
  kubeProxyRunning: 'kube-proxy 動作中',
  nodeReady: 'Ready',
  podReady: 'Ready',
  lbProvider: 'クラウドのロードバランサープロバイダーあり',
  ingress: 'Ingress コントローラー',
  ingressOptions: {
    LoadBalancer: 'ingress-nginx（LoadBalancer で公開）',
    NodePort: 'ingress-nginx（NodePort で公開）',
    None: 'ingress-nginx（Service なし）',
    absent: 'なし',
  },
  clusterLabel: (n: number, p: number, s: number) =>
    `クラスター: ノード ${n} 台、Pod ${p} 個、Service ${s} 個`,
  routeLabel: (method: string, to: string, outcome: string) => `経路: ${method} ${to} — ${outcome}`,
  autoNode: '経路のノード',
  apiserver: 'kube-apiserver はこれを拒否します',
  warning: '適用はされますが、ルーティングが壊れます',
  hopColumns: ['#', '種類', '場所', '内容', 'パケット（送信元 → 宛先）'],
  keep: {
    otherTabTitle: 'プレイグラウンドが別のタブで変更されました',
    otherTabText: (time: string) => `別のタブの内容（${time} に保存）`,
    thisTabText: 'このタブの内容',
    useTheirs: '別のタブの内容を使う',
    keepMine: 'このタブの内容を残す',
    notChosenKept: '選ばなかったほうは「以前の版」に残ります。',
    updated: '別のタブで入力された内容に更新しました（Ctrl+Z でこのタブの内容に戻せます）。',
    historyButton: (n: number) => `以前の版（${n}）`,
    historyEmpty: '以前の版はまだありません。',
    reasons: {
      reset: 'リセットの前',
      link: '共有リンクを開く前',
      scenario: 'シナリオを開く前',
      file: 'ファイルを開く前',
      import: '進捗の読み込みの前',
      'other-tab': '別のタブとの競合で選ばなかった版',
      restore: '以前の版に戻す前',
      'older-build': '古い版のサイトが保存した版',
    },
    entry: (reason: string, time: string, lines: number) => `${reason} — ${time} — ${lines} 行`,
    restore: 'この版に戻す',
    restored: (time: string) =>
      `${time} の版に戻しました（戻す前の内容も「以前の版」にあります）。`,
    failed: {
      blocked:
        'このブラウザーはこのサイトの保存を禁止しています。入力は保存されません。ファイルとしてダウンロードしてください。',
      full: 'ブラウザーの保存領域がいっぱいで、入力を保存できません。ファイルとしてダウンロードしてください。',
    },
    download: 'ダウンロード',
  },
  badLinkKept: (why: string) =>
    `リンクを開けませんでした（${why}）。保存されているプレイグラウンドはそのままです。`,
};

const en: typeof ja = {
  loading: 'Loading the editor…',
  loadFailed: 'The editor could not be loaded. Reload the page.',
  running: 'Working…',
  engineError: 'The engine did not answer',
  badLink: (why: string) => `The link could not be opened (${why}). Opening an empty playground.`,
  restored: 'Opened the state the link holds.',
  tooLong: (n: number, max: number) =>
    `The state is too large for a link (${n} characters, the limit is ${max}). Save it as a file instead.`,
  linkCopied: 'Link copied.',
  linkReady: 'The link is ready: copy it from the field below.',
  faultError: (why: string) => `The fault switch cannot be applied: ${why}`,
  fileTooBig: 'The file is too large (the limit is 2 MiB).',
  fileNotText: 'The file is not UTF-8 text.',
  opened: (name: string) => `Opened ${name}.`,
  scenarioLoaded: (title: string) =>
    `Opened the scenario “${title}” (Ctrl+Z brings your text back).`,
  noRequest: 'Type where to send a request, and its result appears here.',
  notSent: (why: string) => `No request was sent: ${why}`,
  outcome: (o: string, status: number | null, reason: string) =>
    `Outcome: ${o}${status ? ` (${status})` : ''} — ${reason}`,
  spread: (n: number) => `Where ${n} requests went`,
  kubeProxyRunning: 'kube-proxy running',
  nodeReady: 'Ready',
  podReady: 'Ready',
  lbProvider: 'Cloud load-balancer provider',
  ingress: 'Ingress controller',
  ingressOptions: {
    LoadBalancer: 'ingress-nginx (exposed by a LoadBalancer)',
    NodePort: 'ingress-nginx (exposed by a NodePort)',
    None: 'ingress-nginx (no Service)',
    absent: 'none',
  },
  clusterLabel: (n: number, p: number, s: number) =>
    `Cluster: ${n} nodes, ${p} Pods, ${s} Services`,
  routeLabel: (method: string, to: string, outcome: string) =>
    `Route: ${method} ${to} — ${outcome}`,
  autoNode: 'the route’s node',
  apiserver: 'kube-apiserver refuses this',
  warning: 'Accepted, but it breaks routing',
  hopColumns: ['#', 'Kind', 'Where', 'What happened', 'Packet (source → destination)'],
  keep: {
    otherTabTitle: 'The playground was changed in another tab',
    otherTabText: (time: string) => `The other tab’s text (saved ${time})`,
    thisTabText: 'This tab’s text',
    useTheirs: 'Use the other tab’s text',
    keepMine: 'Keep this tab’s text',
    notChosenKept: 'The one you do not choose stays under “Earlier versions”.',
    updated: 'Updated with the text typed in another tab (Ctrl+Z brings this tab’s back).',
    historyButton: (n: number) => `Earlier versions (${n})`,
    historyEmpty: 'No earlier versions yet.',
    reasons: {
      reset: 'Before a reset',
      link: 'Before a share link opened',
      scenario: 'Before a scenario opened',
      file: 'Before a file opened',
      import: 'Before a progress import',
      'other-tab': 'Not chosen when another tab changed it',
      restore: 'Before an earlier version was restored',
      'older-build': 'Saved by an older version of the site',
    },
    entry: (reason: string, time: string, lines: number) => `${reason} — ${time} — ${lines} lines`,
    restore: 'Restore this version',
    restored: (time: string) =>
      `Restored the version of ${time} (the text before it is under “Earlier versions” too).`,
    failed: {
      blocked:
        'This browser blocks storage for this site: your text is not saved. Download it as a file.',
      full: 'The browser’s storage is full: your text cannot be saved. Download it as a file.',
    },
    download: 'Download',
  },
  badLinkKept: (why: string) =>
    `The link could not be opened (${why}). Your saved playground is unchanged.`,
};

export const playgroundStrings = { ja, en };
export type PlaygroundStrings = typeof ja;
