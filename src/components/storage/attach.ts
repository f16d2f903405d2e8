// A saved tab put on the page: the islands call this once their editor is up,
// then tell the tab of each change. Everything storage shows the learner —
// the conflict panel, earlier versions, failures — is wired here.
import './keep.css';
import type { Locale } from '../../i18n/index.ts';
import type { Failure } from './local.ts';
import type { SavedTab, Surface } from './tab.ts';
import { ConflictPanel, failureNotice, HistoryMenu, type KeepStrings, timeText } from './ui.ts';

export interface KeepPlace {
  locale: Locale;
  strings: KeepStrings;
  /** The panel and the failure notice go right after this element. */
  after: HTMLElement;
  /** The earlier-versions button is appended here (a toolbar), its list after it. */
  menuIn: HTMLElement;
  /** Announces a short message (the page's status line). */
  say(text: string): void;
  /** Offers the learner's text as a file. */
  download(): void;
  /** The value as the learner reads it, where it is not plain text (the playground's JSON). */
  show?: (value: string) => string;
}

/** Attaches tab to surface and shows its conflicts, history and failures in place. */
export function keepOnPage(
  tab: SavedTab,
  surface: Surface,
  place: KeepPlace,
  showsStored: boolean,
): void {
  const t = place.strings;
  const show = place.show ?? ((value: string) => value);
  const panel = new ConflictPanel(t, place.locale, (which) =>
    which === 'theirs' ? tab.takeTheirs() : tab.keepMine(),
  );
  const notice = failureNotice(t, place.download);
  place.after.after(panel.element, notice.element);
  const menu = new HistoryMenu(
    t,
    place.locale,
    show,
    () => tab.history(),
    (entry) => {
      tab.restore(entry);
      place.say(t.restored(timeText(entry.at, place.locale)));
    },
  );
  place.menuIn.append(menu.button);
  place.menuIn.after(menu.list);
  const failures = new Set<Failure>();
  tab.attach(
    surface,
    {
      conflict: (mine, theirs) => panel.show(show(mine), show(theirs.value), theirs.at),
      settled: () => {
        panel.hide();
        menu.refresh();
      },
      failed: (failure) => {
        // Once per kind: a notice on every keystroke would drown the page.
        if (failures.has(failure)) return;
        failures.add(failure);
        notice.show(failure);
      },
      updated: () => place.say(t.updated),
      remembered: () => menu.refresh(),
    },
    showsStored,
  );
}
