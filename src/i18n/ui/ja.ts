// Every word our components put on a page, in the default locale. This table
// defines the keys and each message's parameters: another locale's table is
// checked against it and may leave messages out (see ../fallback.ts).
// kube-apiserver's and kube-proxy's own words are not here: they stay as the
// engine reports them.
import type { PartKind } from '../../components/diagrams/architecture-layout.ts';
import type { RulesLabels } from '../../components/diagrams/rules.ts';
import type { Reason } from '../../components/storage/history.ts';
import type { Failure } from '../../components/storage/local.ts';

/** Leads of the editor's markers, shared by the exercise workspace and the playground. */
const editor = {
  apiserver: 'kube-apiserver はこれを拒否します',
  warning: '適用はされますが、ルーティングが壊れます',
  /** The quick fix for a removed Ingress version. */
  loading: 'エディターを読み込んでいます…',
};

const exercise = {
  run: '実行',
  reset: 'リセット',
  resetConfirm: '最初のマニフェストに戻しますか？（Ctrl+Z で元に戻せます）',
  hint: 'ヒント',
  hints: 'ヒント',
  checks: 'チェック',
  questions: '質問',
  back: (chapter: number) => `← 第 ${chapter} 章に戻る`,
  editorLabel: (title: string) => `${title} のマニフェスト（YAML）`,
  noMoreHints: 'ヒントはこれで全部です',
  solution: '解答例を見る',
  solutionConfirm: '解答例を表示しますか？あなたのマニフェストはそのまま残ります。',
  solutionTitle:
    '解答例との違い（あなたのマニフェストが左か赤、解答例が右か緑。あなたのマニフェストは変わりません）',
  solutionText: '解答例の全文',
  download: '回答をダウンロード',
  copy: 'コピー',
  copied: 'コピーしました',
  keyboard:
    'エディターの中で Tab はインデントです。Ctrl+M（macOS は Ctrl+Shift+M）のあとの Tab でエディターの外へ移れます。F8 で次の問題、Ctrl+. で修正案、Ctrl+Enter で実行。',
  toStart: 'マニフェストをクリックするか、キーを押すとエディターが開きます。',
  loadFailed:
    'エディターを読み込めませんでした。ネットワークを確かめて、ページを再読み込みしてください。',
  checking: '確認中…',
  allPassed: 'すべてのチェックに合格しました',
  passedOf: (n: number, m: number) => `${m} 件中 ${n} 件のチェックに合格`,
  traceTitle: 'リクエストの経路',
  showRoute: '経路を見る',
  routeOf: (title: string) => `チェック「${title}」のリクエスト`,
  /** Over the route a solution gives, drawn beside the learner's while the check fails. */
  goalTitle: 'ゴール: 解答例での経路',
  yoursTitle: 'あなたのマニフェストでの経路',
  clusterTitle: 'あなたのクラスター',
  clusterLabel: (n: number, p: number, s: number) =>
    `あなたのクラスター: ノード ${n} 台、Pod ${p} 個、Service ${s} 個`,
  engineError: '採点できませんでした',
  /** Under the task of an exercise with seeded variants, once the learner has given a name or id. */
  variantNote: (n: number, count: number, learner: string) =>
    `「${learner}」さん向けの版 ${n}（全 ${count} 版）です。名前や ID は進捗ページで変えられます。`,
  completed: '完了',
  /** Beside an exercise's id in a chapter's list of exercises. */
  idLabel: '演習 ID',
};

const playground = {
  otherTabTitle: 'プレイグラウンドが別のタブで変更されました',
  badLinkKept: (why: string) =>
    `リンクを開けませんでした（${why}）。保存されているプレイグラウンドはそのままです。`,
  // The page around the island.
  scenario: 'シナリオ',
  open: '開く',
  file: 'YAML ファイルを開く',
  download: 'ファイルに保存',
  share: '共有リンクを作る',
  link: '共有リンク',
  downloadState: '状態をファイルに保存',
  yaml: 'マニフェスト（YAML）',
  faults:
    '障害スイッチ（YAML の Cluster ドキュメントと NetworkPolicy default-deny を書き換えます）',
  request: 'リクエスト',
  from: '送信元',
  to: '送り先',
  method: 'メソッド',
  count: '回数',
  seed: 'シード',
  send: '送る',
  diagnostics: 'マニフェストの問題',
  diagnosticLine: (line: number) => `${line} 行目`,
  moreDiagnostics: (n: number) => `ほかに ${n} 件（エディターの印で見られます）`,
  resolve: 'ホスト名の解決先',
  resolveNote:
    '送り先のホスト名をこのアドレスとして送ります（DNS レコードがない名前に。空なら DNS のとおり）',
  route: '経路',
  hops: '経路の表',
  cluster: 'クラスター',
  rules: 'kube-proxy のルール',
  node: 'ノード',
  architecture: '構成',
  help: 'キーボードショートカット',
  editorLabel: 'プレイグラウンドのマニフェスト（YAML）',
  noScript: 'プレイグラウンドには JavaScript が必要です。シナリオの YAML は次のとおりです。',
  keys: [
    ['Ctrl+Enter（macOS は Cmd+Enter）', 'リクエストを送る（エディターでもフォームでも）'],
    ['Ctrl+Space', '補完の候補を出す'],
    ['F8 / Shift+F8', '次 / 前の問題へ'],
    ['Ctrl+.', '修正案（v1beta1 → v1 など）'],
    ['Ctrl+M（macOS は Ctrl+Shift+M）', 'Tab でエディターの外へ移れるようにする'],
    ['Ctrl+Z', '障害スイッチやシナリオで書き換えた YAML を元に戻す'],
    ['?', 'この一覧を開く（入力欄の外で）'],
  ] as [string, string][],
  // What the island says.
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
  kubeProxyRunning: 'kube-proxy 動作中',
  nodeReady: 'Ready',
  podReady: 'Ready',
  lbProvider: 'クラウドのロードバランサープロバイダーあり',
  ingress: 'Ingress コントローラー',
  defaultDeny: (namespace: string) => `Namespace ${namespace} を default deny にする`,
  networkPolicyEnforced: 'NetworkPolicy を守らせる CNI（Calico や Cilium など）',
  gatewayController: 'Envoy Gateway あり（Gateway API のコントローラー）',
  gatewayClassAccepted: (name: string) =>
    `GatewayClass ${name} が Envoy Gateway のコントローラーを指す`,
  ingressOptions: {
    LoadBalancer: 'ingress-nginx（LoadBalancer で公開）',
    NodePort: 'ingress-nginx（NodePort で公開）',
    None: 'ingress-nginx（Service なし）',
    absent: 'なし',
  },
  routeLabel: (method: string, to: string, outcome: string) => `経路: ${method} ${to} — ${outcome}`,
  autoNode: '経路のノード',
  hopColumns: ['#', '種類', '場所', '内容', 'パケット（送信元 → 宛先）'],
};

/** The words the diagrams draw around the engine's own. */
const diagrams = {
  cluster: (n: number, p: number, s: number) =>
    `クラスター: ノード ${n} 台、Pod ${p} 個、Service ${s} 個`,
  route: (method: string, to: string, from: string, outcome: string) =>
    `経路: ${method} ${to}（${from}）— ${outcome}`,
  hops: '経路の各段階（テキスト）',
  openInPlayground: 'この図のクラスターとリクエストをプレイグラウンドで開く',
  /** `nft`: the cluster's kube-proxy runs in nftables mode. */
  rules: (node: string, nft = false): RulesLabels => ({
    graph: nft
      ? `${node} の kube-proxy のテーブル ip kube-proxy のうち、このリクエストが通ったチェーン（通った順）`
      : `${node} の kube-proxy のチェーン（nat テーブル）。強調されているのがこのリクエストの経路です`,
    text: nft
      ? `${node} の ip kube-proxy テーブル（kube-proxy が nft に渡すトランザクション）。このリクエストが一致したルールが強調されています`
      : `${node} の iptables-save（kube-proxy が書いたルール）。このリクエストが一致したルールが強調されています`,
    hidden: (n) => `ほかに ${n} 個のチェーンがあります（下のルールにはすべて載っています）`,
    empty: `${node} には kube-proxy のルールがありません（kube-proxy が止まっています）`,
    onPath: 'このリクエストが通ったチェーン',
    rules: (n) => `ルール ${n} 個`,
  }),
  spread: (total: number, failed: number) =>
    `${total} 回のリクエストが届いた Pod${failed > 0 ? `（${failed} 回はどの Pod にも届かず）` : ''}`,
  architecture: {
    figure:
      'クラスターの構成：コントロールプレーンとノード。リクエストが通った部分が強調されています',
    touched: 'このリクエストはここを通りました。',
    degraded: 'いまリクエストを止めている状態です。',
    prompt: '図の部品をクリックするか、Tab で移動すると、ここに説明が出ます。',
  },
  /** What each part of the architecture view says when a learner focuses it. */
  /** The names of the parts the drawings show that are not Kubernetes objects. */
  names: {
    client: 'クライアント',
    'load-balancer': 'クラウドのロードバランサー',
    'control-plane': 'コントロールプレーン',
    'container-runtime': 'コンテナランタイム',
  },
  parts: {
    client: 'クラスターの外にいる利用者（ブラウザーや curl）。リクエストはここから出発します。',
    'load-balancer':
      'クラウドプロバイダーのロードバランサー。type=LoadBalancer の Service のために cloud-controller-manager が作り、そのアドレスが Service の status に書かれます。受けたパケットをノード（またはプロバイダーによっては直接 Pod）へ渡します。クラスターの外にあります。',
    'control-plane':
      'クラスター全体のあるべき状態を記録し、そこへ近づけ続ける部分。パケットはここを通りません。',
    'kube-apiserver':
      'クラスターの入り口。kubectl も各コンポーネントもここを通して読み書きします。マニフェストの検証もここで行われます。',
    etcd: 'クラスターの状態を保存するキーバリューストア。Service や EndpointSlice の定義もここにあります。',
    'kube-scheduler': 'ノードが決まっていない Pod を、どのノードで動かすか決めます。',
    'kube-controller-manager':
      'コントローラーの集まり。Deployment から ReplicaSet と Pod を作り、Service の EndpointSlice（転送先の Pod の一覧）を作ります。',
    node: 'Pod が動くマシン。パケットはノードの IP に届き、ノードのカーネルが kube-proxy のルールに従って転送します。',
    kubelet:
      '割り当てられた Pod のコンテナをコンテナランタイムに起動させ、Ready かどうかを報告します。',
    'container-runtime': 'コンテナを実際に動かすもの（containerd や CRI-O）。',
    'kube-proxy':
      'Service と EndpointSlice を見て、ノードの iptables ルールを書きます。パケットを運ぶのはカーネルで、kube-proxy 自身ではありません。止まった kube-proxy の書いたルールは消されるまで残りますが、Routelab の Stopped は、kube-proxy が動いておらずルールも 1 つもないノード（再起動した、kube-proxy が起動する前に加わった、など）を表します。',
    pod: 'コンテナが動く単位。IP は（多くの構成では）ノードの Pod CIDR から割り当てられ、Pod のすべてのコンテナがその 1 つの IP を共有します。作り直すと変わります。',
  } satisfies Record<PartKind, string> as Record<PartKind, string>,
};

const progress = {
  chapter: (n: number) => `第 ${n} 章`,
  done: '完了',
  todo: '未完了',
  /** After an exercise's name in the sidebar, for screen readers (the tick is hidden from them). */
  sidebarDone: '（完了）',
  /** After a chapter's name in the sidebar, for screen readers. */
  sidebarCount: (n: number, m: number) => `（演習 ${m} 問中 ${n} 問完了）`,
  export: '進捗を書き出す',
  /** Beside Export: the name or id that goes into the file, for the instructor's gradebook. */
  learner: '名前または学籍番号（講師に提出するとき）',
  import: '進捗を読み込む',
  /** n exercises done of m. */
  count: (n: number, m: number) => `${n} / ${m} 問完了`,
};

const instructor = {
  toggle: '講師モード（解答と指導メモを表示）',
  checks: '正しい回答がすること',
  checksLead:
    'すべてのチェックに合格すれば正解です。チェックはリクエストを送り、クラスターの状態を読みます。解答例との文字の比較はしないので、名前や書き方が違っても同じことをしていれば合格します。',
  mistakes: 'よくある間違いと、そのとき表示されること',
  fails: (check: string) =>
    `チェック「${check}」が不合格になり、メッセージに次の言葉が含まれます（英語の出力）:`,
  hints: 'ヒント（出る順）',
  solution: '解答例',
  grade: 'クラスの回答を採点する',
  chapter: (n: number, title: string) => `第 ${n} 章: ${title}`,
};

/** Saved work: another tab's changes, earlier versions, storage that fails. */
const keep = {
  otherTabTitle: 'この回答が別のタブで変更されました',
  otherTabText: (time: string) => `別のタブの内容（${time} に保存）`,
  thisTabText: 'このタブの内容',
  useTheirs: '別のタブの内容を使う',
  keepMine: 'このタブの内容を残す',
  notChosenKept: '選ばなかったほうは「以前の版」に残ります。',
  updated: '別のタブで入力された内容に更新しました（Ctrl+Z でこのタブの内容に戻せます）。',
  historyButton: (n: number) => `以前の版（${n}）`,
  /** The list's name, for screen readers: the button's words without the count. */
  historyLabel: '以前の版',
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
  } satisfies Record<Reason, string> as Record<Reason, string>,
  entry: (reason: string, time: string, lines: number) => `${reason} — ${time} — ${lines} 行`,
  restore: 'この版に戻す',
  restored: (time: string) => `${time} の版に戻しました（戻す前の内容も「以前の版」にあります）。`,
  failed: {
    blocked:
      'このブラウザーはこのサイトの保存を禁止しています。入力は保存されません。ファイルとしてダウンロードしてください。',
    full: 'ブラウザーの保存領域がいっぱいで、入力を保存できません。ファイルとしてダウンロードしてください。',
  } satisfies Record<Failure, string> as Record<Failure, string>,
  download: 'ダウンロード',
};

/** Importing a progress file, and how long this browser keeps what is saved. */
const importing = {
  playground: 'プレイグラウンド',
  tooBig: (mb: number) => `ファイルが大きすぎます（上限 ${mb} MB）。何も読み込んでいません。`,
  notProgress: 'Routelab の進捗ファイルではありません。何も読み込んでいません。',
  chooseTitle: 'このブラウザーとファイルで内容が違う回答があります。どちらを残すか選んでください。',
  exercise: '演習',
  browserDate: 'このブラウザーの保存日時',
  fileDate: 'ファイルの保存日時',
  choose: '残すほう',
  keepBrowser: 'このブラウザーの内容',
  takeFile: 'ファイルの内容',
  newer: '（新しいほう）',
  unknownDate: '不明',
  apply: 'この選択で読み込む',
  cancel: '読み込みをやめる',
  cancelled: '読み込みをやめました。何も変わっていません。',
  imported: (c: number, f: number, r: number) =>
    `完了 ${c} 件、このブラウザーになかった回答 ${f} 件、ファイルの内容で置き換えた回答 ${r} 件を読み込みました。`,
  replacedKept: '置き換える前の回答は各演習の「以前の版」にあります。',
  kept: (n: number) => `このブラウザーの回答を ${n} 件残しました。`,
  same: (n: number) => `${n} 件の回答は同じ内容でした。`,
  unknownIds: (n: number, ids: string) =>
    `存在しない演習 ${n} 件を読み込みませんでした（${ids}）。`,
  forbidden: (n: number, keys: string) => `使えないキー ${n} 件を拒否しました（${keys}）。`,
  invalid: (n: number, ids: string) => `壊れた項目 ${n} 件を読み込みませんでした（${ids}）。`,
  failed: (n: number) =>
    `${n} 件はブラウザーに保存できませんでした（容量不足か、保存が禁止されています）。`,
  blocked:
    'このブラウザーはこのサイトの保存を禁止しています。ここには進捗も回答も保存されていないので、書き出すものがありません。回答は各演習の「回答をダウンロード」で保存してください。',
  persistGranted: 'このブラウザーは、あなたが消すまで Routelab の保存内容を残します。',
  persistBestEffort:
    'このブラウザーは、容量が足りなくなると Routelab の保存内容を消すことがあります。ときどき進捗を書き出してください。',
  persistUnsupported:
    'このブラウザーは保存内容を残すかどうかを答えません。ときどき進捗を書き出してください。',
  persistAsked: (time: string, granted: boolean) =>
    `（${time} に保存の継続を依頼し、${granted ? '許可されました' : '許可されませんでした'}）`,
  persistNotAsked: '（保存の継続は、最初に保存するときに依頼します）',
};

/** Where an exercise page sits: its place in the sidebar and the link after it. */
const nav = {
  reading: '本文',
  exerciseItem: (title: string) => `演習: ${title}`,
  nextExercise: (title: string) => `次の演習: ${title}`,
  seeProgress: '進捗を見る',
};

/**
 * The licence line under every page, in pieces around its three links
 * (Routelab, the Apache License, CC BY): a piece's spaces are the line's.
 */
const footer = {
  code: ' のコードは ',
  content: '、教材(章と演習)は ',
  end: ' で公開しています。',
  ccBy: 'https://creativecommons.org/licenses/by/4.0/deed.ja',
  /** On the 404 page, which shows every locale's home link. */
  home: 'ホームへ',
};

export const ja = {
  editor,
  exercise,
  playground,
  diagrams,
  progress,
  instructor,
  nav,
  keep,
  importing,
  footer,
};

export type UiMessages = typeof ja;
