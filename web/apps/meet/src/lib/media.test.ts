import { describe, expect, it, vi } from 'vitest';
import { devicesSettled, openDeviceTrack } from './media';

describe('devicesSettled', () => {
  const track = {};

  it('waits while a switched-on camera or microphone is still opening', () => {
    expect(devicesSettled({ cameraOn: true, camera: null, micOn: true, mic: null })).toBe(false);
    expect(devicesSettled({ cameraOn: true, camera: null, micOn: true, mic: track })).toBe(false);
    expect(devicesSettled({ cameraOn: true, camera: track, micOn: true, mic: null })).toBe(false);
  });

  it('is settled when every switched-on device has a track', () => {
    expect(devicesSettled({ cameraOn: true, camera: track, micOn: true, mic: track })).toBe(true);
  });

  it('does not wait for devices that are off (switched off by the user or after a failure)', () => {
    expect(devicesSettled({ cameraOn: false, camera: null, micOn: true, mic: track })).toBe(true);
    expect(devicesSettled({ cameraOn: true, camera: track, micOn: false, mic: null })).toBe(true);
    expect(devicesSettled({ cameraOn: false, camera: null, micOn: false, mic: null })).toBe(true);
  });
});

describe('openDeviceTrack', () => {
  const fakeTrack = () => ({ stop: vi.fn() }) as unknown as MediaStreamTrack & { stop: ReturnType<typeof vi.fn> };
  const handlers = () => ({ opened: vi.fn(), failed: vi.fn(), release: vi.fn() });
  const settle = () => new Promise<void>((r) => setTimeout(r, 0));

  it('hands the opened track over and releases it on cleanup', async () => {
    const track = fakeTrack();
    const h = handlers();
    const cleanup = openDeviceTrack(() => Promise.resolve(track), h);
    await settle();
    expect(h.opened).toHaveBeenCalledWith(track);
    cleanup();
    expect(h.release).toHaveBeenCalledWith(track);
    expect(track.stop).not.toHaveBeenCalled();
  });

  it('stops a track that opens after the cleanup and never reports it', async () => {
    const track = fakeTrack();
    const h = handlers();
    let resolve!: (t: MediaStreamTrack) => void;
    const cleanup = openDeviceTrack(() => new Promise((r) => (resolve = r)), h);
    cleanup();
    resolve(track);
    await settle();
    expect(track.stop).toHaveBeenCalledTimes(1);
    expect(h.opened).not.toHaveBeenCalled();
    expect(h.release).not.toHaveBeenCalled();
  });

  it('reports a failure only while still wanted', async () => {
    const h = handlers();
    openDeviceTrack(() => Promise.reject(new Error('denied')), h);
    await settle();
    expect(h.failed).toHaveBeenCalledTimes(1);
    const late = handlers();
    openDeviceTrack(() => Promise.reject(new Error('denied')), late)();
    await settle();
    expect(late.failed).not.toHaveBeenCalled();
  });
});
