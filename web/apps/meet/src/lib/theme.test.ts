import { describe, expect, it } from 'vitest';
import { applyTheme, themeVariables } from './theme';
import { formatElapsed } from './recordingClock';
import { classifyMediaError } from './media';

describe('themeVariables', () => {
  it('maps the five colours to the contract CSS variables', () => {
    const r = themeVariables({ name: 'default', enabled: true, baseTheme: 'light', backgroundColor: '#fff', primaryColor: '#112233', secondaryColor: '#11223344', accentColor: '#abc', surfaceColor: '#FAFAFA' });
    expect(r.base).toBe('light');
    expect(r.vars).toEqual({
      '--ov-background-color': '#fff',
      '--ov-primary-action-color': '#112233',
      '--ov-secondary-action-color': '#11223344',
      '--ov-accent-action-color': '#abc',
      '--ov-surface-color': '#FAFAFA',
    });
  });

  it('ignores disabled themes and invalid colours', () => {
    expect(themeVariables(undefined)).toEqual({ base: null, vars: {} });
    expect(themeVariables({ name: 'x', enabled: false, baseTheme: 'dark', primaryColor: '#123456' })).toEqual({ base: null, vars: {} });
    expect(themeVariables({ name: 'x', enabled: true, baseTheme: 'dark', primaryColor: 'red; background:url(x)' }).vars).toEqual({});
  });
});

describe('applyTheme', () => {
  function fakeRoot() {
    const props = new Map<string, string>();
    const root = { dataset: {} as Record<string, string>, style: { setProperty: (k: string, v: string) => props.set(k, v), removeProperty: (k: string) => props.delete(k) } };
    return { root: root as unknown as HTMLElement, props };
  }

  it('sets the server theme, then falls back to the default when it is switched off', () => {
    const { root, props } = fakeRoot();
    expect(applyTheme(root, { name: 'default', enabled: true, baseTheme: 'light', primaryColor: '#112233' }, 'dark')).toEqual({ custom: true });
    expect(root.dataset.theme).toBe('light');
    expect(props.get('--ov-primary-action-color')).toBe('#112233');
    expect(applyTheme(root, { name: 'default', enabled: false, baseTheme: 'light', primaryColor: '#112233' }, null)).toEqual({ custom: false });
    expect(root.dataset.theme).toBe('dark');
    expect(props.size).toBe(0);
  });

  it('uses the person’s own light/dark choice when no theme is served (404)', () => {
    const { root } = fakeRoot();
    applyTheme(root, undefined, 'light');
    expect(root.dataset.theme).toBe('light');
  });
});

describe('formatElapsed', () => {
  it.each([
    [0, '0:00'],
    [61000, '1:01'],
    [3723000, '1:02:03'],
    [-5, '0:00'],
  ])('%i ms → %s', (ms, text) => expect(formatElapsed(ms)).toBe(text));
});

describe('classifyMediaError', () => {
  it.each([
    ['NotAllowedError', 'permission-denied'],
    ['NotFoundError', 'no-device'],
    ['NotReadableError', 'in-use'],
    ['Weird', 'other'],
  ])('%s → %s', (name, problem) => expect(classifyMediaError({ name })).toBe(problem));
  it('handles non-errors', () => expect(classifyMediaError('x')).toBe('other'));
});
