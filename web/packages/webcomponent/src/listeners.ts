// on/once/off bookkeeping for the element's listener API (contract §9).
export type Callback = (detail: Record<string, unknown>) => void;

export class Listeners {
  private readonly entries = new Map<string, { callback: Callback; once: boolean }[]>();

  add(event: string, callback: Callback, once: boolean): void {
    const list = this.entries.get(event) ?? [];
    list.push({ callback, once });
    this.entries.set(event, list);
  }

  /** Removes one callback, or every callback of the event when none is given. */
  remove(event: string, callback?: Callback): void {
    if (!callback) {
      this.entries.delete(event);
      return;
    }
    const list = (this.entries.get(event) ?? []).filter((e) => e.callback !== callback);
    if (list.length > 0) this.entries.set(event, list);
    else this.entries.delete(event);
  }

  emit(event: string, detail: Record<string, unknown>): void {
    const list = this.entries.get(event);
    if (!list) return;
    const remaining = list.filter((e) => !e.once);
    if (remaining.length > 0) this.entries.set(event, remaining);
    else this.entries.delete(event);
    for (const entry of list) {
      try {
        entry.callback(detail);
      } catch (error) {
        // A listener's failure must not stop the others; report it like an uncaught error would be.
        setTimeout(() => {
          throw error;
        }, 0);
      }
    }
  }
}
