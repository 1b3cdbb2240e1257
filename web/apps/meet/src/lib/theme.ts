import type { ThemeColors } from '@convene/client';

export type BaseTheme = 'light' | 'dark';

const THEME_VARIABLES = ['--ov-background-color', '--ov-primary-action-color', '--ov-secondary-action-color', '--ov-accent-action-color', '--ov-surface-color'] as const;

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** CSS variables of contract §7.2 for a server theme; invalid colours are ignored (the default stays). */
export function themeVariables(theme: ThemeColors | undefined): { base: BaseTheme | null; vars: Record<string, string> } {
  if (!theme || !theme.enabled) return { base: null, vars: {} };
  const vars: Record<string, string> = {};
  const put = (name: string, value: string | undefined) => {
    if (value && HEX.test(value)) vars[name] = value;
  };
  put('--ov-background-color', theme.backgroundColor);
  put('--ov-primary-action-color', theme.primaryColor);
  put('--ov-secondary-action-color', theme.secondaryColor);
  put('--ov-accent-action-color', theme.accentColor);
  put('--ov-surface-color', theme.surfaceColor);
  return { base: theme.baseTheme === 'light' ? 'light' : 'dark', vars };
}

export function applyTheme(root: HTMLElement, theme: ThemeColors | undefined, userChoice: BaseTheme | null): { custom: boolean } {
  const { base, vars } = themeVariables(theme);
  root.dataset.theme = base ?? userChoice ?? 'dark';
  // A theme switched off (or a colour dropped) falls back to the stylesheet's default for that variable.
  for (const name of THEME_VARIABLES) {
    const value = vars[name];
    if (value) root.style.setProperty(name, value);
    else root.style.removeProperty(name);
  }
  return { custom: base !== null };
}
