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
    keep: {
      otherTabTitle: 'この回答が別のタブで変更されました',
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
    progress: {
      playground: 'プレイグラウンド',
      tooBig: (mb: number) => `ファイルが大きすぎます（上限 ${mb} MB）。何も読み込んでいません。`,
      notProgress: 'Routelab の進捗ファイルではありません。何も読み込んでいません。',
      chooseTitle:
        'このブラウザーとファイルで内容が違う回答があります。どちらを残すか選んでください。',
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
    },
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
    keep: {
      otherTabTitle: 'This answer was changed in another tab',
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
      entry: (reason: string, time: string, lines: number) =>
        `${reason} — ${time} — ${lines} lines`,
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
    progress: {
      playground: 'Playground',
      tooBig: (mb: number) =>
        `The file is too large (the limit is ${mb} MB). Nothing was imported.`,
      notProgress: 'This is not a Routelab progress file. Nothing was imported.',
      chooseTitle: 'Some answers differ between this browser and the file. Choose which to keep.',
      exercise: 'Exercise',
      browserDate: 'Saved in this browser',
      fileDate: 'Saved in the file',
      choose: 'Keep',
      keepBrowser: 'This browser’s',
      takeFile: 'The file’s',
      newer: ' (newer)',
      unknownDate: 'unknown',
      apply: 'Import with these choices',
      cancel: 'Cancel the import',
      cancelled: 'Import cancelled: nothing changed.',
      imported: (c: number, f: number, r: number) =>
        `Imported ${c} completed exercises, ${f} answers this browser did not have, and ${r} answers replaced by the file’s.`,
      replacedKept: 'Each replaced answer is under “Earlier versions” on its exercise.',
      kept: (n: number) => `Kept ${n} of this browser’s answers.`,
      same: (n: number) => `${n} answers were already the same.`,
      unknownIds: (n: number, ids: string) => `Refused ${n} unknown exercise ids (${ids}).`,
      forbidden: (n: number, keys: string) => `Refused ${n} forbidden keys (${keys}).`,
      invalid: (n: number, ids: string) => `Refused ${n} broken entries (${ids}).`,
      failed: (n: number) =>
        `${n} could not be saved in this browser (storage is full or blocked).`,
      blocked:
        'This browser blocks storage for this site: no progress or answer is kept here, so there is nothing to export. Download each answer from its exercise (“Download my answer”).',
      persistGranted: 'This browser keeps Routelab’s storage until you clear it.',
      persistBestEffort:
        'This browser may clear Routelab’s storage when space runs short. Export your progress now and then.',
      persistUnsupported:
        'This browser does not say whether it keeps Routelab’s storage. Export your progress now and then.',
      persistAsked: (time: string, granted: boolean) =>
        ` (Lasting storage was asked for on ${time}: ${granted ? 'granted' : 'not granted'}.)`,
      persistNotAsked: ' (Lasting storage is asked for at your first save.)',
    },
  },
};

export type Strings = (typeof strings)['en'];
