import { useEffect, useRef } from 'react';
import { texts } from '../texts';
import { Icon } from './Icon';
import type { BackgroundEffect } from '../background/virtualBackground';

const IMAGES: { id: string; label: string; colors: string }[] = [
  { id: 'dusk', label: 'Dusk', colors: 'linear-gradient(135deg,#1f1c4d,#6b3d8f,#f08a5d)' },
  { id: 'ocean', label: 'Ocean', colors: 'linear-gradient(135deg,#0b3d5c,#1a7f9e,#8fd3e8)' },
  { id: 'forest', label: 'Forest', colors: 'linear-gradient(135deg,#0f2e1d,#2f6b3f,#a5c882)' },
  { id: 'studio', label: 'Studio', colors: 'linear-gradient(135deg,#2b2b2b,#4a4a4a,#8c8c8c)' },
];

export function BackgroundPicker({ effect, onChange, loading }: { effect: BackgroundEffect; onChange(e: BackgroundEffect): void; loading: boolean }) {
  const live = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (live.current) live.current.textContent = loading ? texts.devices.bgLoading : '';
  }, [loading]);
  const is = (e: BackgroundEffect) => e.kind === effect.kind && (e.kind !== 'image' || (effect.kind === 'image' && effect.id === e.id));
  return (
    <fieldset className="field bg-picker">
      <legend>{texts.devices.background}</legend>
      <div className="bg-options" role="radiogroup" aria-label={texts.devices.background}>
        <button type="button" role="radio" aria-checked={is({ kind: 'none' })} className="bg-option" onClick={() => onChange({ kind: 'none' })} title={texts.devices.bgNone}>
          <Icon name="block" /> <span className="sr-only">{texts.devices.bgNone}</span>
        </button>
        <button type="button" role="radio" aria-checked={is({ kind: 'blur' })} className="bg-option" onClick={() => onChange({ kind: 'blur' })} title={texts.devices.bgBlur}>
          <Icon name="blur" /> <span className="sr-only">{texts.devices.bgBlur}</span>
        </button>
        {IMAGES.map((img) => (
          <button key={img.id} type="button" role="radio" aria-checked={is({ kind: 'image', id: img.id })} className="bg-option" style={{ background: img.colors }} onClick={() => onChange({ kind: 'image', id: img.id })} title={img.label}>
            <span className="sr-only">{img.label}</span>
          </button>
        ))}
      </div>
      <span ref={live} className="muted small" aria-live="polite" />
    </fieldset>
  );
}
