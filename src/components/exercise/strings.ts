// The exercise workspace's words, per locale.
export const strings = {
  ja: {
    run: '実行',
    reset: 'リセット',
    resetConfirm: '最初のマニフェストに戻しますか？（Ctrl+Z で元に戻せます）',
    hint: 'ヒント',
    noMoreHints: 'ヒントはこれで全部です',
    solution: '解答例を見る',
    solutionConfirm: '解答例を表示しますか？あなたのマニフェストはそのまま残ります。',
    solutionTitle: '解答例（あなたのマニフェストは変わりません）',
    download: '回答をダウンロード',
    copy: 'コピー',
    copied: 'コピーしました',
    keyboard:
      'エディターの中で Tab はインデントです。Ctrl+M（macOS は Ctrl+Shift+M）のあとの Tab でエディターの外へ移れます。F8 で次の問題、Ctrl+. で修正案、Ctrl+Enter で実行。',
    loading: 'エディターを読み込んでいます…',
    toStart: 'マニフェストをクリックするか、キーを押すとエディターが開きます。',
    loadFailed:
      'エディターを読み込めませんでした。ネットワークを確かめて、ページを再読み込みしてください。',
    checking: '確認中…',
    allPassed: 'すべてのチェックに合格しました',
    passedOf: (n: number, m: number) => `${m} 件中 ${n} 件のチェックに合格`,
    storageFailed:
      '入力をこのブラウザーに保存できません（容量不足か、保存が禁止されています）。回答をダウンロードしておいてください。',
    traceTitle: 'リクエストの経路',
    showRoute: '経路を見る',
    routeOf: (title: string) => `チェック「${title}」のリクエスト`,
    clusterTitle: 'あなたのクラスター',
    clusterLabel: (n: number, p: number, s: number) =>
      `あなたのクラスター: ノード ${n} 台、Pod ${p} 個、Service ${s} 個`,
    apiserver: 'kube-apiserver はこれを拒否します',
    warning: '適用はされますが、ルーティングが壊れます',
    engineError: '採点できませんでした',
    completed: '完了',
  },
  en: {
    run: 'Run',
    reset: 'Reset',
    resetConfirm: 'Go back to the starting manifests? (Ctrl+Z brings your text back.)',
    hint: 'Hint',
    noMoreHints: 'That was the last hint',
    solution: 'Show solution',
    solutionConfirm: 'Show a solution? Your manifests stay as they are.',
    solutionTitle: 'A solution (your manifests are unchanged)',
    download: 'Download my answer',
    copy: 'Copy',
    copied: 'Copied',
    keyboard:
      'In the editor Tab indents. After Ctrl+M (Ctrl+Shift+M on macOS) Tab moves out of it. F8 goes to the next problem, Ctrl+. offers fixes, Ctrl+Enter runs the checks.',
    loading: 'Loading the editor…',
    toStart: 'Click the manifests, or press a key, to open the editor.',
    loadFailed: 'The editor could not be loaded. Check the network and reload the page.',
    checking: 'Checking…',
    allPassed: 'Every check passes',
    passedOf: (n: number, m: number) => `${n} of ${m} checks pass`,
    storageFailed:
      'Your text cannot be saved in this browser (storage is full or blocked). Download your answer to keep it.',
    traceTitle: 'Where the request went',
    showRoute: 'Show its route',
    routeOf: (title: string) => `The request of the check “${title}”`,
    clusterTitle: 'Your cluster',
    clusterLabel: (n: number, p: number, s: number) =>
      `Your cluster: ${n} nodes, ${p} Pods, ${s} Services`,
    apiserver: 'kube-apiserver refuses this',
    warning: 'Accepted, but it breaks routing',
    engineError: 'Could not grade',
    completed: 'Done',
  },
};

export type Strings = (typeof strings)['en'];
