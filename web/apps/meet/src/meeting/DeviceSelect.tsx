import { texts } from '../texts';

/** A camera or microphone picker; with no devices it says so and is disabled. */
export function DeviceSelect({ kind, devices, value, onChange }: { kind: 'camera' | 'microphone'; devices: readonly MediaDeviceInfo[]; value: string; onChange(deviceId: string): void }) {
  const label = kind === 'camera' ? texts.devices.camera : texts.devices.microphone;
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} disabled={devices.length === 0}>
        {devices.length === 0 && <option value="">{kind === 'camera' ? texts.devices.noCameras : texts.devices.noMics}</option>}
        {devices.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>{d.label || `${label} ${i + 1}`}</option>
        ))}
      </select>
    </label>
  );
}
