// Virtual background with MediaPipe selfie segmentation. The solution's script, wasm and model ship in the npm
// package; the build copies them to /mediapipe/selfie_segmentation/ and this module loads them lazily from there.

export type BackgroundEffect = { kind: 'none' } | { kind: 'blur' } | { kind: 'image'; id: string };

interface Segmenter {
  setOptions(o: { modelSelection?: number; selfieMode?: boolean }): void;
  onResults(cb: (r: { image: CanvasImageSource; segmentationMask: CanvasImageSource }) => void): void;
  initialize(): Promise<void>;
  send(i: { image: HTMLVideoElement }): Promise<void>;
  close(): Promise<void>;
}

declare global {
  interface Window {
    SelfieSegmentation?: new (config: { locateFile: (file: string) => string }) => Segmenter;
  }
}

const BASE = '/mediapipe/selfie_segmentation/';
let scriptPromise: Promise<void> | null = null;

function loadScript(): Promise<void> {
  if (window.SelfieSegmentation) return Promise.resolve();
  scriptPromise ??= new Promise<void>((resolve, reject) => {
    const s = document.createElement('script');
    s.src = `${BASE}selfie_segmentation.js`;
    s.async = true;
    s.onload = () => resolve();
    s.onerror = () => {
      scriptPromise = null;
      reject(new Error('segmentation script failed to load'));
    };
    document.head.appendChild(s);
  });
  return scriptPromise;
}

/** Backgrounds painted procedurally, so no image file is needed. */
export const BACKGROUND_IMAGES: { id: string; label: string; stops: string[] }[] = [
  { id: 'dusk', label: 'Dusk', stops: ['#1f1c4d', '#6b3d8f', '#f08a5d'] },
  { id: 'ocean', label: 'Ocean', stops: ['#0b3d5c', '#1a7f9e', '#8fd3e8'] },
  { id: 'forest', label: 'Forest', stops: ['#0f2e1d', '#2f6b3f', '#a5c882'] },
  { id: 'studio', label: 'Studio', stops: ['#2b2b2b', '#4a4a4a', '#8c8c8c'] },
];

export function paintBackground(ctx: CanvasRenderingContext2D, id: string, w: number, h: number): void {
  const spec = BACKGROUND_IMAGES.find((b) => b.id === id) ?? BACKGROUND_IMAGES[0];
  if (!spec) return;
  const g = ctx.createLinearGradient(0, 0, w, h);
  spec.stops.forEach((c, i) => g.addColorStop(i / (spec.stops.length - 1), c));
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
  ctx.globalAlpha = 0.12;
  ctx.fillStyle = '#ffffff';
  for (let i = 0; i < 6; i++) {
    ctx.beginPath();
    ctx.arc(((i * 0.37 + 0.1) % 1) * w, ((i * 0.61 + 0.2) % 1) * h, (0.08 + (i % 3) * 0.05) * w, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.globalAlpha = 1;
}

/** Turns a camera track into a processed canvas track; the effect can change while running. */
export class BackgroundProcessor {
  private effect: BackgroundEffect = { kind: 'none' };
  private readonly video = document.createElement('video');
  private readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D;
  private running = false;
  private timer = 0;
  readonly output: MediaStreamTrack;

  private constructor(
    private readonly segmenter: Segmenter,
    readonly input: MediaStreamTrack,
  ) {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) throw new Error('2d canvas not available');
    this.ctx = ctx;
    const settings = input.getSettings();
    this.canvas.width = settings.width ?? 640;
    this.canvas.height = settings.height ?? 360;
    this.video.muted = true;
    this.video.playsInline = true;
    this.video.srcObject = new MediaStream([input]);
    const out = this.canvas.captureStream(25).getVideoTracks()[0];
    if (!out) throw new Error('canvas capture not available');
    this.output = out;
    segmenter.onResults((r) => this.draw(r));
  }

  static async create(input: MediaStreamTrack): Promise<BackgroundProcessor> {
    await loadScript();
    const Ctor = window.SelfieSegmentation;
    if (!Ctor) throw new Error('segmentation unavailable');
    const segmenter = new Ctor({ locateFile: (file) => `${BASE}${file}` });
    segmenter.setOptions({ modelSelection: 1 });
    await segmenter.initialize();
    const p = new BackgroundProcessor(segmenter, input);
    await p.video.play();
    p.running = true;
    p.loop();
    return p;
  }

  setEffect(effect: BackgroundEffect): void {
    this.effect = effect;
  }

  stop(): void {
    this.running = false;
    window.clearTimeout(this.timer);
    this.output.stop();
    void this.segmenter.close();
  }

  private loop(): void {
    if (!this.running) return;
    const started = performance.now();
    this.segmenter
      .send({ image: this.video })
      .catch(() => undefined)
      .finally(() => {
        this.timer = window.setTimeout(() => this.loop(), Math.max(0, 40 - (performance.now() - started)));
      });
  }

  private draw(r: { image: CanvasImageSource; segmentationMask: CanvasImageSource }): void {
    const { ctx, canvas } = this;
    const w = canvas.width;
    const h = canvas.height;
    ctx.save();
    ctx.clearRect(0, 0, w, h);
    if (this.effect.kind === 'none') {
      ctx.drawImage(r.image, 0, 0, w, h);
      ctx.restore();
      return;
    }
    ctx.drawImage(r.segmentationMask, 0, 0, w, h);
    ctx.globalCompositeOperation = 'source-in';
    ctx.drawImage(r.image, 0, 0, w, h);
    ctx.globalCompositeOperation = 'destination-over';
    if (this.effect.kind === 'blur') {
      ctx.filter = 'blur(14px)';
      ctx.drawImage(r.image, 0, 0, w, h);
      ctx.filter = 'none';
    } else {
      paintBackground(ctx, this.effect.id, w, h);
    }
    ctx.restore();
  }
}
