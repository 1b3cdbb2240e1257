import { useContext, useEffect, useState } from 'react';
import { listDevices } from '../lib/media';
import { ThemeContext } from '../lib/themeContext';
import { texts } from '../texts';
import { DeviceSelect } from './DeviceSelect';

export interface LayoutSettings {
  mode: 'mosaic' | 'smart';
  max: number;
}

interface Props {
  layout: LayoutSettings;
  onLayout(l: LayoutSettings): void;
  cameraId: string | undefined;
  micId: string | undefined;
  onCamera(id: string): void;
  onMic(id: string): void;
}

export function SettingsPanel(props: Props) {
  const [devices, setDevices] = useState<{ cameras: MediaDeviceInfo[]; mics: MediaDeviceInfo[] }>({ cameras: [], mics: [] });
  const theme = useContext(ThemeContext);
  useEffect(() => {
    void listDevices().then(setDevices).catch(() => undefined);
  }, []);
  return (
    <div className="settings">
      <section aria-labelledby="s-devices">
        <h3 id="s-devices" className="panel-subtitle">{texts.meeting.devices}</h3>
        <DeviceSelect kind="camera" devices={devices.cameras} value={props.cameraId ?? ''} onChange={props.onCamera} />
        <DeviceSelect kind="microphone" devices={devices.mics} value={props.micId ?? ''} onChange={props.onMic} />
      </section>
      <section aria-labelledby="s-layout">
        <h3 id="s-layout" className="panel-subtitle">{texts.meeting.layout}</h3>
        <div className="segmented" role="radiogroup" aria-labelledby="s-layout">
          {(['smart', 'mosaic'] as const).map((mode) => (
            <button key={mode} type="button" role="radio" aria-checked={props.layout.mode === mode} onClick={() => props.onLayout({ ...props.layout, mode })}>
              {mode === 'smart' ? texts.meeting.layoutSmart : texts.meeting.layoutMosaic}
            </button>
          ))}
        </div>
        {props.layout.mode === 'smart' && (
          <label className="field">
            <span>{texts.meeting.smartCount}: {props.layout.max}</span>
            <input type="range" min={1} max={6} value={props.layout.max} onChange={(e) => props.onLayout({ ...props.layout, max: Number(e.target.value) })} />
          </label>
        )}
      </section>
      {!theme.custom && (
        <section aria-labelledby="s-theme">
          <h3 id="s-theme" className="panel-subtitle">{texts.meeting.theme}</h3>
          <div className="segmented" role="radiogroup" aria-labelledby="s-theme">
            {(['dark', 'light'] as const).map((t) => (
              <button key={t} type="button" role="radio" aria-checked={theme.theme === t} onClick={() => theme.setTheme(t)}>
                {t === 'dark' ? texts.meeting.themeDark : texts.meeting.themeLight}
              </button>
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
