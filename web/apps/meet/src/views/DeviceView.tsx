import { useCallback, useEffect, useRef, useState } from 'react';
import { classifyMediaError, devicesSettled, levelMeter, listDevices, mediaProblemText, openCamera, openDeviceTrack, openMicrophone, type MediaProblem } from '../lib/media';
import { texts } from '../texts';
import { Icon } from '../meeting/Icon';
import { VideoView } from '../meeting/VideoView';
import type { BackgroundEffect, BackgroundProcessor } from '../background/virtualBackground';
import { BackgroundPicker } from '../meeting/BackgroundPicker';
import { DeviceSelect } from '../meeting/DeviceSelect';

/** How long the join button waits for camera and microphone to open before it lets people join without them. */
const DEVICE_WAIT_MS = 8000;

export interface PreparedMedia {
  camera: MediaStreamTrack | null;
  microphone: MediaStreamTrack | null;
  micMuted: boolean;
  background: BackgroundProcessor | null;
  cameraId?: string;
  micId?: string;
}

interface Props {
  roomName: string;
  displayName: string;
  allowBackground: boolean;
  joining: boolean;
  error: string | null;
  onJoin(media: PreparedMedia): void;
}

export function DeviceView({ roomName, displayName, allowBackground, joining, error, onJoin }: Props) {
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [mics, setMics] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState<string | undefined>();
  const [micId, setMicId] = useState<string | undefined>();
  const [cameraOn, setCameraOn] = useState(true);
  const [micOn, setMicOn] = useState(true);
  const [camera, setCamera] = useState<MediaStreamTrack | null>(null);
  const [mic, setMic] = useState<MediaStreamTrack | null>(null);
  const [problem, setProblem] = useState<MediaProblem | null>(null);
  const [level, setLevel] = useState(0);
  const [effect, setEffect] = useState<BackgroundEffect>({ kind: 'none' });
  const [processor, setProcessor] = useState<BackgroundProcessor | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Joining while a device is still opening would publish nothing for it: wait (bounded) for both to settle.
  const [cameraOpening, setCameraOpening] = useState(true);
  const [micOpening, setMicOpening] = useState(true);
  const [waitedLongEnough, setWaitedLongEnough] = useState(false);
  const handedOver = useRef(false);
  const tracksRef = useRef<{ camera: MediaStreamTrack | null; mic: MediaStreamTrack | null; processor: BackgroundProcessor | null }>({ camera: null, mic: null, processor: null });
  tracksRef.current = { camera, mic, processor };

  const refreshDevices = useCallback(async () => {
    const d = await listDevices().catch(() => ({ cameras: [], mics: [], speakers: [] }));
    setCameras(d.cameras);
    setMics(d.mics);
  }, []);

  // Open (or re-open) the camera when it is switched on or another one is chosen.
  useEffect(() => {
    if (!cameraOn) {
      setCamera(null);
      setCameraOpening(false);
      return;
    }
    setCameraOpening(true);
    return openDeviceTrack(() => openCamera(cameraId), {
      opened: (t) => {
        setCamera(t);
        setProblem(null);
        setCameraOpening(false);
        void refreshDevices();
      },
      failed: (e) => {
        setProblem(classifyMediaError(e));
        setCameraOn(false);
        setCameraOpening(false);
      },
      release: (t) => {
        if (handedOver.current) return;
        t.stop();
        // Never hand a stopped track to the meeting while its replacement is still opening.
        setCamera((c) => (c === t ? null : c));
      },
    });
  }, [cameraOn, cameraId, refreshDevices, attempt]);

  useEffect(() => {
    setMicOpening(true);
    return openDeviceTrack(() => openMicrophone(micId), {
      opened: (t) => {
        setMic(t);
        setMicOpening(false);
        void refreshDevices();
      },
      failed: (e) => {
        setProblem((p) => p ?? classifyMediaError(e));
        setMicOn(false);
        setMic(null);
        setMicOpening(false);
      },
      release: (t) => {
        if (handedOver.current) return;
        t.stop();
        setMic((m) => (m === t ? null : m));
      },
    });
  }, [micId, refreshDevices, attempt]);

  useEffect(() => {
    if (!mic || !micOn) {
      setLevel(0);
      return;
    }
    let meter: ReturnType<typeof levelMeter> | null = null;
    try {
      meter = levelMeter(mic);
    } catch {
      return;
    }
    const id = window.setInterval(() => setLevel(meter?.read() ?? 0), 100);
    return () => {
      window.clearInterval(id);
      meter?.stop();
    };
  }, [mic, micOn]);

  // Background processing follows the camera track.
  useEffect(() => {
    if (!camera || effect.kind === 'none') {
      return;
    }
    if (processor && processor.input === camera) {
      processor.setEffect(effect);
      return;
    }
    let cancelled = false;
    void import('../background/virtualBackground').then(async ({ BackgroundProcessor: P }) => {
      try {
        const p = await P.create(camera);
        if (cancelled) {
          p.stop();
          return;
        }
        p.setEffect(effect);
        setProcessor(p);
      } catch {
        if (!cancelled) setEffect({ kind: 'none' });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [camera, effect, processor]);

  useEffect(() => {
    if (processor && (effect.kind === 'none' || processor.input !== camera)) {
      processor.stop();
      setProcessor(null);
    }
  }, [processor, effect, camera]);

  useEffect(
    () => () => {
      if (handedOver.current) return;
      tracksRef.current.camera?.stop();
      tracksRef.current.mic?.stop();
      tracksRef.current.processor?.stop();
    },
    [],
  );

  // A failed join hands the tracks back: the device view owns (and stops) them again.
  useEffect(() => {
    if (!joining && error) handedOver.current = false;
  }, [joining, error]);

  useEffect(() => {
    const t = window.setTimeout(() => setWaitedLongEnough(true), DEVICE_WAIT_MS);
    return () => window.clearTimeout(t);
  }, []);
  // Joining before getUserMedia settles would join without camera/microphone (nothing published, tiles show off);
  // a device that never answers must not hold the join forever.
  const preparing = (cameraOpening || micOpening || !devicesSettled({ cameraOn, camera, micOn, mic })) && !waitedLongEnough;

  const join = () => {
    handedOver.current = true;
    onJoin({ camera: cameraOn ? camera : null, microphone: mic, micMuted: !micOn, background: processor, cameraId, micId });
  };

  const preview = processor?.output ?? camera;
  return (
    <main className="page prejoin">
      <header className="page-header">
        <span className="brand">{texts.appName}</span>
        <span className="muted">{roomName}</span>
      </header>
      <div className="prejoin-body">
        <section className="preview-panel" aria-label={texts.devices.title}>
          <div className="preview">
            {cameraOn && preview ? (
              <VideoView track={preview} mirrored muted className="preview-video" label={displayName} />
            ) : (
              <div className="preview-off">
                <div className="avatar avatar-large" aria-hidden="true">{initials(displayName)}</div>
                <span>{texts.devices.cameraIsOff}</span>
              </div>
            )}
            <div className="preview-controls">
              <button type="button" className={`round-btn ${micOn ? '' : 'off'}`} aria-pressed={!micOn} aria-label={micOn ? texts.devices.micOff : texts.devices.micOn} title={micOn ? texts.devices.micOff : texts.devices.micOn} onClick={() => setMicOn((v) => !v)} disabled={!mic}>
                <Icon name={micOn ? 'mic' : 'mic-off'} />
              </button>
              <button type="button" className={`round-btn ${cameraOn ? '' : 'off'}`} aria-pressed={!cameraOn} aria-label={cameraOn ? texts.devices.cameraOff : texts.devices.cameraOn} title={cameraOn ? texts.devices.cameraOff : texts.devices.cameraOn} onClick={() => setCameraOn((v) => !v)}>
                <Icon name={cameraOn ? 'cam' : 'cam-off'} />
              </button>
            </div>
            <div className="level" role="meter" aria-label={texts.devices.micLevel} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(level * 100)}>
              <div className="level-fill" style={{ transform: `scaleX(${micOn ? level : 0})` }} />
            </div>
          </div>
        </section>
        <section className="card setup-card" aria-labelledby="setup-title">
          <h1 id="setup-title">{texts.devices.title}</h1>
          <p className="muted">{texts.devices.joinAs(displayName)}</p>
          {problem && (
            <div className="notice notice-warning" role="alert">
              <Icon name="warning" />
              <div>
                <p>{mediaProblemText(problem)}</p>
                <button type="button" className="btn btn-ghost btn-small" onClick={() => { setProblem(null); setCameraOn(true); setMicOn(true); setAttempt((n) => n + 1); }}>
                  {texts.devices.retry}
                </button>
              </div>
            </div>
          )}
          <DeviceSelect kind="camera" devices={cameras} value={cameraId ?? camera?.getSettings().deviceId ?? ''} onChange={setCameraId} />
          <DeviceSelect kind="microphone" devices={mics} value={micId ?? mic?.getSettings().deviceId ?? ''} onChange={setMicId} />
          {allowBackground && cameraOn && camera && <BackgroundPicker effect={effect} onChange={setEffect} loading={effect.kind !== 'none' && !processor} />}
          {error && <p className="notice notice-error" role="alert">{error}</p>}
          <button id="join-button" type="button" className="btn btn-primary btn-wide" onClick={join} disabled={joining || preparing} aria-busy={joining || preparing}>
            {joining ? texts.devices.joining : preparing ? texts.devices.preparing : texts.devices.join}
          </button>
        </section>
      </div>
    </main>
  );
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const second = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + second).toUpperCase();
}
