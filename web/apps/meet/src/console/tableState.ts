// State of the console's paged tables: filters, loaded pages, selection (pure, so it is unit tested).

export interface TableState<T> {
  items: T[];
  nextPageToken?: string;
  selected: ReadonlySet<string>;
  search: string;
  status: string;
  sortField: string;
  sortOrder: 'asc' | 'desc';
}

export type TableAction<T> =
  | { type: 'loaded'; items: T[]; nextPageToken?: string; append: boolean }
  | { type: 'filter'; search?: string; status?: string }
  | { type: 'sort'; field: string }
  | { type: 'toggle'; id: string }
  | { type: 'toggleAll' }
  | { type: 'removed'; ids: readonly string[] }
  | { type: 'replaced'; item: T };

export function initialTable<T>(sortField: string): TableState<T> {
  return { items: [], selected: new Set(), search: '', status: '', sortField, sortOrder: 'desc' };
}

export function tableReducer<T>(idOf: (item: T) => string) {
  return (state: TableState<T>, action: TableAction<T>): TableState<T> => {
    switch (action.type) {
      case 'loaded': {
        const items = action.append ? [...state.items, ...action.items.filter((i) => !state.items.some((e) => idOf(e) === idOf(i)))] : action.items;
        const ids = new Set(items.map(idOf));
        return { ...state, items, nextPageToken: action.nextPageToken, selected: new Set([...state.selected].filter((id) => ids.has(id))) };
      }
      case 'filter':
        return { ...state, search: action.search ?? state.search, status: action.status ?? state.status, nextPageToken: undefined, selected: new Set() };
      case 'sort':
        // Clicking the sorted column flips the order; another column starts descending.
        return state.sortField === action.field
          ? { ...state, sortOrder: state.sortOrder === 'asc' ? 'desc' : 'asc', nextPageToken: undefined }
          : { ...state, sortField: action.field, sortOrder: 'desc', nextPageToken: undefined };
      case 'toggle': {
        const selected = new Set(state.selected);
        if (selected.has(action.id)) selected.delete(action.id);
        else selected.add(action.id);
        return { ...state, selected };
      }
      case 'toggleAll':
        return { ...state, selected: state.selected.size === state.items.length && state.items.length > 0 ? new Set() : new Set(state.items.map(idOf)) };
      case 'removed': {
        const gone = new Set(action.ids);
        const selected = new Set([...state.selected].filter((id) => !gone.has(id)));
        return { ...state, items: state.items.filter((i) => !gone.has(idOf(i))), selected };
      }
      case 'replaced':
        return { ...state, items: state.items.map((i) => (idOf(i) === idOf(action.item) ? action.item : i)) };
    }
  };
}
