import { createContext } from 'react';

export const ThemeContext = createContext<{ custom: boolean; theme: 'light' | 'dark'; setTheme(t: 'light' | 'dark'): void }>({
  custom: false,
  theme: 'dark',
  setTheme: () => undefined,
});
