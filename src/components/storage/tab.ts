// One tab's hold on one saved text. Every change is saved on top of the
// revision this tab last read or wrote; other tabs' saves arrive as storage
// events. A tab still showing what was stored takes the newer text (as an
// undoable edit); a tab with text of its own that the store has moved past
// is in conflict, and the learner chooses — never a silent overwrite.
import { type Entry, entries, type Reason, remember } from './history.ts';
import { historyKey, type Slot, slotKey } from './keys.ts';
import type { Failure } from './local.ts';
import { migrateOnce } from './migrate.ts';
import { askToPersist } from './persist.ts';
import { type Held, load, loadHeld, type Saved, saveNext } from './records.ts';

/** The editor (and form) the text lives in. */
export interface Surface {
  read(): string;
  /** Replaces the whole value as one step the learner can undo. */
  write(value: string): void;
}

export interface TabEvents {
  conflict(mine: string, theirs: Saved): void;
  settled(): void;
  failed(failure: Failure): void;
  /** This tab took another tab's newer text. */
  updated(): void;
  /** The history changed (an entry added, here or in another tab). */
  remembered(): void;
}

export class SavedTab {
  /** The stored revision this tab's text is based on. */
  private base = 0;
  /** The value as stored at `base`; null while the tab shows something else (a link). */
  private synced: string | null = null;
  /** The record as this tab last read or wrote it; null when not known. */
  private held: Held | null = null;
  private theirs: Saved | null = null;
  private applying = false;
  private surface: Surface | null = null;
  private events: TabEvents | null = null;
  private readonly onStorage = (event: StorageEvent) => {
    if (event.key === slotKey(this.slot)) this.catchUp();
    else if (event.key === historyKey(this.slot)) this.events?.remembered();
  };
  private readonly onShow = () => {
    if (document.visibilityState !== 'hidden') this.catchUp();
  };

  readonly slot: Slot;

  constructor(slot: Slot) {
    this.slot = slot;
  }

  /** The stored value, which the tab starts from; null when there is none. */
  load(): Saved | null {
    migrateOnce();
    this.held = loadHeld(this.slot);
    this.base = this.held?.saved.rev ?? 0;
    return this.held?.saved ?? null;
  }

  /** Starts listening; `showsStored` is false when the tab opened on other text (a link). */
  attach(surface: Surface, events: TabEvents, showsStored: boolean): void {
    this.surface = surface;
    this.events = events;
    this.synced = showsStored ? surface.read() : null;
    window.addEventListener('storage', this.onStorage);
    // A tab frozen in the background or restored from the back/forward cache missed events.
    window.addEventListener('pageshow', this.onShow);
    document.addEventListener('visibilitychange', this.onShow);
  }

  /** The learner changed the value: save it, unless it is this tab applying stored text. */
  changed(): void {
    if (this.applying || !this.surface) return;
    const value = this.surface.read();
    // Nothing new to keep (a change undone, a form event that changed nothing);
    // another tab's newer text still arrives by its storage event.
    if (value === this.synced && !this.theirs) return;
    const { result, held } = saveNext(this.slot, value, this.held, this.base);
    this.held = held;
    if (result.kind === 'saved') {
      this.adopt(result.saved, value);
      void askToPersist();
    } else if (result.kind === 'conflict') {
      this.theirs = result.stored;
      this.events?.conflict(value, result.stored);
    } else this.events?.failed(result.failure);
  }

  /** Keeps the current value (or the one given) in history before it is replaced. */
  remember(reason: Reason, value = this.surface?.read()): void {
    if (value === undefined) return;
    const failure = remember(this.slot, value, reason);
    if (failure) this.events?.failed(failure);
    else this.events?.remembered();
  }

  history(): Entry[] {
    return entries(this.slot);
  }

  /** Puts an earlier value back; the one it replaces goes into history first. */
  restore(entry: Entry): void {
    this.remember('restore');
    this.surface?.write(entry.value);
  }

  /** Conflict resolved for the other tab's text; this tab's goes into history. */
  takeTheirs(): void {
    const theirs = this.theirs;
    if (!theirs || !this.surface) return;
    this.remember('other-tab');
    this.apply(theirs);
  }

  /** Conflict resolved for this tab's text; the other tab's goes into history. */
  keepMine(): void {
    const theirs = this.theirs;
    if (!theirs || !this.surface) return;
    this.remember('other-tab', theirs.value);
    this.base = theirs.rev;
    this.changed();
  }

  dispose(): void {
    window.removeEventListener('storage', this.onStorage);
    window.removeEventListener('pageshow', this.onShow);
    document.removeEventListener('visibilitychange', this.onShow);
  }

  /** What the store holds now, if another tab moved it past this tab's revision. */
  private catchUp(): void {
    const stored = load(this.slot);
    if (!stored || stored.rev <= this.base || !this.surface) return;
    const mine = this.surface.read();
    if (stored.value === mine) {
      this.adopt(stored, mine);
      return;
    }
    // A tab on a link's state keeps it; its first save will meet the newer text.
    if (this.synced === null) return;
    if (mine === this.synced && !this.theirs) {
      this.apply(stored);
      this.events?.updated();
      return;
    }
    this.theirs = stored;
    this.events?.conflict(mine, stored);
  }

  private apply(stored: Saved): void {
    this.applying = true;
    try {
      this.surface?.write(stored.value);
    } finally {
      this.applying = false;
    }
    this.adopt(stored, this.surface?.read() ?? stored.value);
  }

  private adopt(saved: Saved, value: string): void {
    this.base = saved.rev;
    this.synced = value;
    if (this.theirs) {
      this.theirs = null;
      this.events?.settled();
    }
  }
}
