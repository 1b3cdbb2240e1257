import { texts } from '../texts';

export type MediaProblem = 'permission-denied' | 'no-device' | 'in-use' | 'other';

/** Classifies a getUserMedia failure into what the device view explains to the user. */
export function classifyMediaError(error: unknown): MediaProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'permission-denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no-device';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in-use';
    default:
      return 'other';
  }
}

export function mediaProblemText(problem: MediaProblem): string {
  switch (problem) {
    case 'permission-denied':
      return texts.devices.permissionDenied;
    case 'no-device':
      return texts.devices.noDevice;
    case 'in-use':
      return texts.devices.deviceInUse;
    default:
      return texts.devices.deviceError;
  }
}

export async function listDevices(): Promise<{ cameras: MediaDeviceInfo[]; mics: MediaDeviceInfo[]; speakers: MediaDeviceInfo[] }> {
  if (!navigator.mediaDevices?.enumerateDevices) return { cameras: [], mics: [], speakers: [] };
  const all = await navigator.mediaDevices.enumerateDevices();
  return {
    cameras: all.filter((d) => d.kind === 'videoinput' && d.deviceId),
    mics: all.filter((d) => d.kind === 'audioinput' && d.deviceId),
    speakers: all.filter((d) => d.kind === 'audiooutput' && d.deviceId),
  };
}

export async function openCamera(deviceId: string | undefined): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { deviceId: deviceId ? { exact: deviceId } : undefined, width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
  });
  const track = stream.getVideoTracks()[0];
  if (!track) throw Object.assign(new Error('no camera track'), { name: 'NotFoundError' });
  return track;
}

export async function openMicrophone(deviceId: string | undefined): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { deviceId: deviceId ? { exact: deviceId } : undefined, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  });
  const track = stream.getAudioTracks()[0];
  if (!track) throw Object.assign(new Error('no microphone track'), { name: 'NotFoundError' });
  return track;
}

/** Reads an RMS level 0..1 from an audio track, for the level meter. Call `stop` when done. */
export function levelMeter(track: MediaStreamTrack): { read(): number; stop(): void } {
  const AudioCtx = window.AudioContext;
  const ctx = new AudioCtx();
  const source = ctx.createMediaStreamSource(new MediaStream([track]));
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const data = new Float32Array(analyser.fftSize);
  return {
    read() {
      analyser.getFloatTimeDomainData(data);
      let sum = 0;
      for (const v of data) sum += v * v;
      return Math.min(1, Math.sqrt(sum / data.length) * 4);
    },
    stop() {
      source.disconnect();
      void ctx.close();
    },
  };
}

/**
 * Whether the device view may hand its tracks to the meeting: every device that is switched on has either opened
 * or failed (a failure switches it off). Joining earlier would join without camera or microphone.
 */
export function devicesSettled(state: { cameraOn: boolean; camera: unknown; micOn: boolean; mic: unknown }): boolean {
  return (!state.cameraOn || state.camera !== null) && (!state.micOn || state.mic !== null);
}

/**
 * Opens a device's track for an effect and returns the effect's cleanup. A track that opens after the cleanup ran (the
 * device changed or the view left) is stopped at once; a failure after the cleanup is ignored; the cleanup hands the
 * track it did open to `release`, which decides whether to stop it.
 */
export function openDeviceTrack(
  open: () => Promise<MediaStreamTrack>,
  handlers: { opened(track: MediaStreamTrack): void; failed(error: unknown): void; release(track: MediaStreamTrack): void },
): () => void {
  let cancelled = false;
  let opened: MediaStreamTrack | null = null;
  open().then(
    (track) => {
      if (cancelled) {
        track.stop();
        return;
      }
      opened = track;
      handlers.opened(track);
    },
    (error: unknown) => {
      if (!cancelled) handlers.failed(error);
    },
  );
  return () => {
    cancelled = true;
    if (opened) handlers.release(opened);
  };
}
