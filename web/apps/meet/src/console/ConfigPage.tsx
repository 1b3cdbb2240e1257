import { useEffect, useState, type CSSProperties } from 'react';
import { Icon } from '../meeting/Icon';
import { useConsoleApi } from './context';
import type { Theme } from './types';
import { PageHeader, Toggle, errorText, useNotify } from './ui';
import { colorError } from './validation';

type ColorKey = 'backgroundColor' | 'primaryColor' | 'secondaryColor' | 'accentColor' | 'surfaceColor';

export const COLOR_FIELDS: { key: ColorKey; label: string; hint: string; cssVar: string }[] = [
  { key: 'backgroundColor', label: 'Background', hint: 'Meeting background', cssVar: '--ov-background-color' },
  { key: 'primaryColor', label: 'Primary', hint: 'Main control buttons', cssVar: '--ov-primary-action-color' },
  { key: 'secondaryColor', label: 'Secondary', hint: 'Logos, icons and borders', cssVar: '--ov-secondary-action-color' },
  { key: 'accentColor', label: 'Accent', hint: 'Active and highlighted states', cssVar: '--ov-accent-action-color' },
  { key: 'surfaceColor', label: 'Surface', hint: 'Panels and dialogs', cssVar: '--ov-surface-color' },
];

/** The meeting app's own defaults (styles.css), so "Reset" gives back exactly what users saw before. */
export const DEFAULT_COLORS: Record<'light' | 'dark', Record<ColorKey, string>> = {
  dark: { backgroundColor: '#0f1117', primaryColor: '#5b6cff', secondaryColor: '#9aa3c7', accentColor: '#22c3a6', surfaceColor: '#1a1d27' },
  light: { backgroundColor: '#f3f4f8', primaryColor: '#4353ff', secondaryColor: '#5a6283', accentColor: '#0f9f86', surfaceColor: '#ffffff' },
};

const toPicker = (hex: string) => (/^#[0-9a-fA-F]{6}$/.test(hex) ? hex : /^#[0-9a-fA-F]{3}$/.test(hex) ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : /^#[0-9a-fA-F]{8}$/.test(hex) ? hex.slice(0, 7) : '#000000');

export default function ConfigPage() {
  const api = useConsoleApi();
  const notify = useNotify();
  const [enabled, setEnabled] = useState(false);
  const [base, setBase] = useState<'light' | 'dark'>('dark');
  const [colors, setColors] = useState<Record<ColorKey, string>>(DEFAULT_COLORS.dark);
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.appearance().then(
      (t) => {
        if (t) {
          setEnabled(t.enabled);
          setBase(t.baseTheme);
          const d = DEFAULT_COLORS[t.baseTheme];
          setColors({ backgroundColor: t.backgroundColor ?? d.backgroundColor, primaryColor: t.primaryColor ?? d.primaryColor, secondaryColor: t.secondaryColor ?? d.secondaryColor, accentColor: t.accentColor ?? d.accentColor, surfaceColor: t.surfaceColor ?? d.surfaceColor });
        }
        setLoaded(true);
      },
      (e: unknown) => {
        notify(errorText(e), 'error');
        setLoaded(true);
      },
    );
  }, [api, notify]);

  const errors = Object.fromEntries(COLOR_FIELDS.map((f) => [f.key, colorError(colors[f.key])])) as Record<ColorKey, string | null>;
  const valid = Object.values(errors).every((e) => e === null);

  const save = async () => {
    if (!valid) return;
    setBusy(true);
    try {
      const theme: Theme = { name: 'default', enabled, baseTheme: base, ...colors };
      notify((await api.saveAppearance(theme)).message);
    } catch (e) {
      notify(errorText(e), 'error');
    } finally {
      setBusy(false);
    }
  };

  const preview = Object.fromEntries(COLOR_FIELDS.map((f) => [f.cssVar, errors[f.key] ? undefined : colors[f.key]])) as CSSProperties;
  return (
    <>
      <PageHeader title="Configuration" subtitle="Visual customisation of every meeting" />
      {!loaded ? (
        <div className="spinner" role="status" aria-label="Loading" />
      ) : (
        <div className="config-layout">
          <section className="card panel" aria-labelledby="theme-title">
            <h2 id="theme-title">Visual Customization</h2>
            <Toggle id="theme-enabled" checked={enabled} onChange={setEnabled} label="Custom theme" />
            <fieldset className="field" disabled={!enabled}>
              <legend>Background style</legend>
              <div className="row-gap">
                {(['light', 'dark'] as const).map((b) => (
                  <label key={b} className="radio"><input type="radio" name="base" id={`theme-base-${b}`} checked={base === b} onChange={() => setBase(b)} /> {b === 'light' ? 'Light' : 'Dark'}</label>
                ))}
              </div>
            </fieldset>
            <div className="color-grid">
              {COLOR_FIELDS.map((f) => (
                <div key={f.key} className="color-field">
                  <label htmlFor={`color-${f.key}`}><strong>{f.label}</strong> <span className="muted small">{f.hint}</span></label>
                  <span className="input-row">
                    <input type="color" aria-label={`${f.label} colour picker`} value={toPicker(colors[f.key])} disabled={!enabled} onChange={(e) => setColors((c) => ({ ...c, [f.key]: e.target.value }))} />
                    <input id={`color-${f.key}`} className="input mono" value={colors[f.key]} disabled={!enabled} aria-invalid={errors[f.key] !== null} onChange={(e) => setColors((c) => ({ ...c, [f.key]: e.target.value.trim() }))} />
                  </span>
                  {errors[f.key] && <span className="field-error">{errors[f.key]}</span>}
                </div>
              ))}
            </div>
            <div className="row-gap">
              <button type="button" className="btn btn-primary" id="save-theme" disabled={busy || !valid} onClick={() => void save()}>Save Changes</button>
              <button type="button" className="btn btn-secondary" id="reset-colors" disabled={!enabled} onClick={() => setColors(DEFAULT_COLORS[base])}>Reset Colors</button>
            </div>
          </section>
          <section className="card panel" aria-labelledby="preview-title">
            <h2 id="preview-title">Preview</h2>
            <div className="meeting-preview" data-theme={enabled ? base : 'dark'} style={enabled ? preview : undefined} aria-label="Meeting preview" role="img">
              <div className="mp-header"><span className="brand-dot" /> <span>Weekly sync</span></div>
              <div className="mp-body">
                <div className="mp-grid">
                  {['Ana', 'Bo', 'Cy', 'Di'].map((n, i) => (
                    <div key={n} className={`mp-tile${i === 1 ? ' speaking' : ''}`}><span className="avatar avatar-small">{n[0]}</span><span className="mp-name">{n}</span></div>
                  ))}
                </div>
                <div className="mp-panel"><strong>Chat</strong><p className="small">Ana: hello!</p></div>
              </div>
              <div className="mp-toolbar">
                <span className="mp-btn"><Icon name="mic" size={16} /></span>
                <span className="mp-btn"><Icon name="cam" size={16} /></span>
                <span className="mp-btn mp-active"><Icon name="chat" size={16} /></span>
                <span className="mp-btn mp-primary"><Icon name="screen" size={16} /></span>
                <span className="mp-btn mp-leave"><Icon name="leave" size={16} /></span>
              </div>
            </div>
          </section>
        </div>
      )}
    </>
  );
}
